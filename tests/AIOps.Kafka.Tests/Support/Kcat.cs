using System.Diagnostics;

namespace AIOps.Kafka.Tests.Support;

/// <summary>Runs kcat as an independent Kafka client. Fails the test (never skips) when kcat is missing.</summary>
internal static class Kcat
{
    private static readonly string[] s_candidates = ["/usr/bin/kcat", "/usr/local/bin/kcat", "/usr/bin/kafkacat"];

    public static string Path =>
        s_candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("kcat is not installed (apt-get install kcat); these tests need it.");

    public static async Task<string> RunAsync(string arguments, string? stdin = null, int timeoutSeconds = 15)
    {
        var info = new ProcessStartInfo(Path, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("kcat did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kcat {arguments} did not exit in {timeoutSeconds} s: {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kcat {arguments} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
