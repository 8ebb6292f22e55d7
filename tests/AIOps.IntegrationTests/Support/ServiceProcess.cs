using System.Diagnostics;
using System.Text;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// A real server binary started by a test (influxd, nginx, alertmanager): output captured for failure messages,
/// the whole process tree killed on dispose. A missing binary fails the test instead of skipping it.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    // If the test host exits without disposing (a crash, a killed run), its servers must not outlive it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ServiceProcess, byte> Running = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    static ServiceProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var service in Running.Keys)
        {
            service.Stop();
        }
    };

    private ServiceProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The binary's path; throws (the test fails) when it is not installed.</summary>
    public static string Binary(string name, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':').Concat(["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/bin"]))
        {
            var candidate = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{name}' is not installed: apt-get install {package} (scripts/test.sh installs it).");
    }

    public static ServiceProcess Start(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var service = new ServiceProcess(process, Path.GetFileName(file));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        Running.TryAdd(service, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Polls a URL until it answers 2xx; throws with the process output if it exits or times out.</summary>
    public async Task WaitHttpOkAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not answer {url} within {timeout}:\n{Output}");
    }

    public void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Stop();
        Running.TryRemove(this, out _);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
