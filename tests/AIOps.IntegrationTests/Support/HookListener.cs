using System.Collections.Concurrent;
using System.Net;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// A loopback HTTP receiver (HttpListener) standing in for whatever a notification reaches: it records every
/// request with the status it answered; <see cref="Respond"/> decides that status (e.g. fail the first N).
/// </summary>
internal sealed class HookListener : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<HookRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;
    private int _count;

    public HookListener()
    {
        (_listener, Port) = Listen();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Status for the n-th request (1-based); 200 by default.</summary>
    public Func<int, HookRequest, HttpStatusCode> Respond { get; set; } = (_, _) => HttpStatusCode.OK;

    public IReadOnlyList<HookRequest> Requests => [.. _requests];

    /// <summary>Waits until a request matching <paramref name="match"/> arrived; throws with what did arrive on timeout.</summary>
    public async Task<HookRequest> WaitForAsync(Func<HookRequest, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = _requests.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var seen = string.Join("\n", _requests.Select(r => $"{r.Status}: {r.Text}"));
                throw new TimeoutException($"no matching request within {timeout}; received {_requests.Count}:\n{seen}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _arrived.Dispose();
    }

    /// <summary>HttpListener cannot bind port 0: take a free port, and another if it was taken before Start bound it.</summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPorts.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                listener.Close();
            }
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var request = new HookRequest(context.Request.Url!.AbsolutePath, headers, body.ToArray());
            request.Status = Respond(Interlocked.Increment(ref _count), request);
            context.Response.StatusCode = (int)request.Status;
            context.Response.Close();
            _requests.Enqueue(request);
            _arrived.Release();
        }
    }
}

internal sealed record HookRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public HttpStatusCode Status { get; set; }

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
