using System.Diagnostics;
using System.Text;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// The real `aiops` binary (aiops.dll, copied next to the tests) run as a child process, as a user runs it.
/// Output lines are collected so a test can wait for what the command prints.
/// </summary>
internal sealed class AiopsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private AiopsProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_gate) { _stdout.Add(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_gate) { _stderr.AppendLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// `--urls` for `aiops serve`: Kestrel binds a port the kernel picks and the announced URL tells which, so no
    /// port can be taken between choosing it and binding it.
    /// </summary>
    public const string AnyLoopbackPort = "http://127.0.0.1:0";

    public string Stderr { get { lock (_gate) { return _stderr.ToString(); } } }

    public string Stdout { get { lock (_gate) { return string.Join('\n', _stdout); } } }

    public static AiopsProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aiops.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new AiopsProcess(Process.Start(info) ?? throw new InvalidOperationException("aiops did not start"));
    }

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        await using var process = Start(arguments);
        using var cts = new CancellationTokenSource(timeout);
        await process._process.WaitForExitAsync(cts.Token);
        process._process.WaitForExit(); // flushes the async output readers
        return (process._process.ExitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Waits for a stdout line that satisfies <paramref name="match"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                if (_stdout.FirstOrDefault(match) is { } line)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiops exited with {_process.ExitCode}: {Stderr}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"aiops did not print the expected line in {timeout}. stdout: {Stdout} stderr: {Stderr}");
    }

    /// <summary>The base URL `aiops serve` announced once it listened (its "HTTP API: URL/api/v1/incidents" line).</summary>
    public async Task<string> WaitForApiUrlAsync(TimeSpan timeout)
    {
        const string Prefix = "HTTP API: ";
        var line = await WaitForLineAsync(l => l.StartsWith(Prefix, StringComparison.Ordinal), timeout);
        return line[Prefix.Length..].Split(", ")[0].Replace("/api/v1/incidents", string.Empty, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
