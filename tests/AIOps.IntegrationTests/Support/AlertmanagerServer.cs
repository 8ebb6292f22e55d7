namespace AIOps.IntegrationTests.Support;

/// <summary>
/// Debian's prometheus-alertmanager with its own config and storage in a temp folder on a free port, routing
/// every alert (grouped per incident, no wait) to a webhook receiver in the test.
/// </summary>
internal sealed class AlertmanagerServer : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aiops-alertmanager-");
    private readonly string _binary = ServiceProcess.Binary("prometheus-alertmanager", "prometheus-alertmanager");
    private readonly string _receiverUrl;
    private ServiceProcess? _process;

    private AlertmanagerServer(string receiverUrl)
    {
        _receiverUrl = receiverUrl;
        Port = LoopbackPorts.Next();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Output => _process?.Output ?? string.Empty;

    public static Task<AlertmanagerServer> StartAsync(string receiverUrl) => LoopbackPorts.RetryWhenTakenAsync(async () =>
    {
        var server = new AlertmanagerServer(receiverUrl);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    });

    public async Task StartAsync()
    {
        var config = Path.Combine(_root.FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: test
              group_by: [incident_id]
              group_wait: 0s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
            - name: test
              webhook_configs:
              - url: {_receiverUrl}
                send_resolved: true
            """);
        _process = ServiceProcess.Start(_binary,
        [
            $"--config.file={config}",
            $"--storage.path={Path.Combine(_root.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{Port}",
            "--cluster.listen-address=", // no gossip: a single instance on loopback
        ]);
        await _process.WaitHttpOkAsync($"{Url}/-/ready", TimeSpan.FromSeconds(30));
    }

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
