using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AIOps.Ingest.Tests.Otlp.Proto;

/// <summary>
/// A loopback OTLP/HTTP receiver for tests: accepts every POST, keeps its path and body, answers 200 with an
/// empty protobuf response (an empty ExportXServiceResponse), as a collector does.
/// </summary>
internal sealed class OtlpHttpCapture : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public OtlpHttpCapture()
    {
        (_listener, Url) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Requests { get; } = new();

    public Uri Endpoint(string path) => new(Url + path);

    /// <summary>The bodies posted to <paramref name="path"/> (e.g. v1/traces).</summary>
    public List<byte[]> Bodies(string path) => [.. Requests.Where(r => r.Path == "/" + path).Select(r => r.Body)];

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
            // The accept loop ends with the listener's disposal.
        }
    }

    private async Task ServeAsync()
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
            Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }

    /// <summary>
    /// HttpListener cannot bind port 0, so a port the kernel reported free is used; it can be taken (by any outgoing
    /// connection's source port) before Start binds it, and then another one is tried.
    /// </summary>
    private static (HttpListener Listener, string Url) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
