using System.Globalization;
using System.Text.Json;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// Debian's InfluxDB 1.6 with its own config and data/meta/wal directories in a temp folder, behind an nginx
/// (own prefix and config) that maps InfluxDB.Client's <c>/api/v2/write</c> onto 1.x's <c>/write</c>, both on free
/// loopback ports. influxd can be stopped and restarted on the same port and data to simulate an outage.
/// </summary>
internal sealed class InfluxServer : IDisposable
{
    public const string Database = "aiops";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aiops-influx-");
    private readonly string _influxd = ServiceProcess.Binary("influxd", "influxdb");
    private readonly string _nginx = ServiceProcess.Binary("nginx", "nginx");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ServiceProcess? _influx;
    private ServiceProcess? _proxy;

    private InfluxServer()
    {
        InfluxPort = LoopbackPorts.Next();
        ProxyPort = LoopbackPorts.Next();
    }

    public int InfluxPort { get; }

    public int ProxyPort { get; }

    /// <summary>What InfluxDB.Client is pointed at (the nginx rewrite).</summary>
    public string WriteUrl => $"http://127.0.0.1:{ProxyPort}";

    public static Task<InfluxServer> StartAsync() => LoopbackPorts.RetryWhenTakenAsync(async () =>
    {
        var server = new InfluxServer();
        try
        {
            await server.StartInfluxAsync();
            await server.StartProxyAsync();
            using var response = await server._http.PostAsync(
                new Uri($"http://127.0.0.1:{server.InfluxPort}/query"),
                new FormUrlEncodedContent([new("q", $"CREATE DATABASE {Database}")]));
            response.EnsureSuccessStatusCode();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    });

    public async Task StartInfluxAsync()
    {
        var config = Path.Combine(_root.FullName, "influxdb.conf");
        var dir = _root.FullName;
        await File.WriteAllTextAsync(config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{LoopbackPorts.Next()}"
            [meta]
              dir = "{dir}/meta"
            [data]
              dir = "{dir}/data"
              wal-dir = "{dir}/wal"
              query-log-enabled = false
            [http]
              bind-address = "127.0.0.1:{InfluxPort}"
              log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            """);
        _influx = ServiceProcess.Start(_influxd, ["-config", config]);
        await _influx.WaitHttpOkAsync($"http://127.0.0.1:{InfluxPort}/ping", TimeSpan.FromSeconds(30));
    }

    /// <summary>Kills influxd (nginx stays up and answers 502, as a real outage behind a proxy looks).</summary>
    public void StopInflux()
    {
        _influx?.Dispose();
        _influx = null;
    }

    /// <summary>Runs an InfluxQL query on influxd directly; returns the first series' rows.</summary>
    public async Task<List<JsonElement>> QueryAsync(string influxql)
    {
        var url = $"http://127.0.0.1:{InfluxPort}/query?db={Database}&epoch=ms&q={Uri.EscapeDataString(influxql)}";
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(url)));
        var result = document.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxQL error: {error.GetString()}");
        }

        if (!result.TryGetProperty("series", out var series))
        {
            return [];
        }

        return [.. series[0].GetProperty("values").EnumerateArray().Select(v => v.Clone())];
    }

    public async Task<long> CountAsync(string measurement, string field)
    {
        var rows = await QueryAsync($"SELECT count({field}) FROM {measurement}");
        return rows.Count == 0 ? 0 : rows[0][1].GetInt64();
    }

    public void Dispose()
    {
        _proxy?.Dispose();
        _influx?.Dispose();
        _http.Dispose();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProxyAsync()
    {
        var prefix = Path.Combine(_root.FullName, "nginx");
        Directory.CreateDirectory(prefix);
        var config = Path.Combine(prefix, "nginx.conf");
        var influx = InfluxPort.ToString(CultureInfo.InvariantCulture);

        // master_process off: one process running as the test's user, no worker user switch, nothing to reap.
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              server {
                listen 127.0.0.1:{{ProxyPort}};
                location = /api/v2/write { proxy_pass http://127.0.0.1:{{influx}}/write?db=$arg_bucket&precision=$arg_precision; }
                location = /ping { proxy_pass http://127.0.0.1:{{influx}}/ping; }
              }
            }
            """);
        _proxy = ServiceProcess.Start(_nginx, ["-p", prefix, "-c", config, "-e", Path.Combine(prefix, "error.log")]);
        await _proxy.WaitHttpOkAsync($"http://127.0.0.1:{ProxyPort}/ping", TimeSpan.FromSeconds(30));
    }
}
