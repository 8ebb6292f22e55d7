using System.Globalization;
using System.Text.Json;

namespace AIOps.Server.Demo;

/// <summary>
/// A small shop: frontend -> checkout -> payments -> payments-db (and frontend -> catalog). It runs normally,
/// gets an unrelated frontend deploy, then a config change on payments-db makes its queries slow; the latency
/// climbs the call chain, errors follow, and Alertmanager pages on the frontend's error rate. Telemetry comes
/// as the real tools write it: Influx line protocol (Telegraf), prometheus-kafka-adapter JSON, Fluent Bit
/// JSON logs, an Alertmanager webhook and change events. Seeded, so every run is the same story.
/// </summary>
public sealed class DemoScenario
{
    public const string FaultEntity = "payments-db";
    public const string MetricsTopic = "telemetry.metrics";
    public const string LogsTopic = "telemetry.logs";
    public const string EventsTopic = "telemetry.events";

    private static readonly (string Name, double Latency, double Errors)[] Services =
    [
        ("frontend", 120, 0.5), ("catalog", 30, 0.2), ("checkout", 80, 0.3), ("payments", 45, 0.2),
    ];

    private readonly Random _random = new(674386);

    public DemoScenario(DateTimeOffset start, TimeSpan step, int steps, int faultStep)
    {
        Start = start;
        Step = step;
        Steps = steps;
        FaultStep = faultStep;
    }

    public DateTimeOffset Start { get; }

    public TimeSpan Step { get; }

    public int Steps { get; }

    public int FaultStep { get; }

    public DateTimeOffset FaultTime => Start + (Step * FaultStep);

    /// <summary>An hour of 15-second steps ending at <paramref name="end"/>, the fault 45 minutes in.</summary>
    public static DemoScenario Default(DateTimeOffset end) => new(end - TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(15), 240, 180);

    public IEnumerable<DemoMessage> Messages()
    {
        for (var i = 0; i < Steps; i++)
        {
            var t = Start + (Step * i);
            var sinceFault = i - FaultStep;
            foreach (var message in MessagesAt(t, sinceFault))
            {
                yield return message;
            }
        }
    }

    private IEnumerable<DemoMessage> MessagesAt(DateTimeOffset t, int sinceFault)
    {
        if (sinceFault == -(int)(TimeSpan.FromMinutes(35) / Step))
        {
            yield return Change(t, "frontend", "deploy", "frontend v2.14.0 rolled out", "deploy");
        }

        if (sinceFault == -(int)(TimeSpan.FromMinutes(2) / Step))
        {
            yield return Change(t, FaultEntity, "config", "max_connections lowered from 200 to 20", "config");
        }

        // The fault reaches each hop a little later: db at once, payments after 30 s, checkout after 60 s, frontend after 90 s.
        var dbFactor = sinceFault >= 0 ? 9.0 : 1.0;
        yield return PrometheusJson(t, "pg_query_latency_ms", FaultEntity, "db-1:9187", Noisy(4.0 * dbFactor, 0.05));
        yield return PrometheusJson(t, "pg_active_connections", FaultEntity, "db-1:9187", Noisy(sinceFault >= 0 ? 20 : 60, 0.04));

        foreach (var (name, latency, errors) in Services)
        {
            var hopDelay = name switch { "payments" => 2, "checkout" => 4, "frontend" => 6, _ => int.MaxValue };
            var hit = sinceFault >= hopDelay;
            var latencyFactor = hit ? name == "payments" ? 6.0 : 3.0 : 1.0;
            var errorRate = hit ? errors * 25 : errors;
            yield return Influx(t, name, Noisy(latency * latencyFactor, 0.06), Noisy(errorRate, 0.15));
            yield return Log(t, name, "info", $"GET /api/{name} 200 in {latency:0} ms");
            if (hit)
            {
                var body = name == "payments"
                    ? "timeout acquiring connection from pool payments-db after 5000 ms"
                    : $"upstream call failed: 503 from {(name == "checkout" ? "payments" : "checkout")}";
                for (var k = 0; k < 3; k++)
                {
                    yield return Log(t.AddMilliseconds(100 * (k + 1)), name, "error", body);
                }
            }
        }

        if (sinceFault == 8)
        {
            yield return Alert(t, "firing");
        }
    }

    private double Noisy(double value, double relative) => Math.Max(0, value * (1 + (relative * Gaussian())));

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private static DemoMessage Influx(DateTimeOffset t, string service, double latency, double errorRate)
    {
        var ns = (t.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
        var line = string.Create(CultureInfo.InvariantCulture, $"http,service={service},host=app-{service} latency_ms={latency:0.###},error_rate={errorRate:0.###} {ns}");
        return new DemoMessage(MetricsTopic, service, line, t);
    }

    private static DemoMessage PrometheusJson(DateTimeOffset t, string name, string job, string instance, double value)
    {
        var json = JsonSerializer.Serialize(new
        {
            timestamp = Rfc3339(t),
            value = value.ToString("0.###", CultureInfo.InvariantCulture),
            name,
            labels = new Dictionary<string, string> { ["__name__"] = name, ["job"] = job, ["instance"] = instance },
        });
        return new DemoMessage(MetricsTopic, job, json, t);
    }

    private static DemoMessage Log(DateTimeOffset t, string service, string level, string message)
    {
        // Fluent Bit's shape: float epoch seconds in "date", the line in "log", Kubernetes metadata alongside.
        var json = JsonSerializer.Serialize(new
        {
            date = Math.Round(t.ToUnixTimeMilliseconds() / 1000.0, 3),
            log = message,
            level,
            service,
            kubernetes = new { pod_name = $"{service}-7d9f8", namespace_name = "shop", container_name = service, host = "node-1" },
        });
        return new DemoMessage(LogsTopic, service, json, t);
    }

    private static DemoMessage Change(DateTimeOffset t, string service, string kind, string description, string type)
    {
        var json = JsonSerializer.Serialize(new { kind, type, service, title = description, timestamp = Rfc3339(t), source = "ci" });
        return new DemoMessage(EventsTopic, service, json, t);
    }

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DemoMessage Alert(DateTimeOffset t, string status)
    {
        var startsAt = t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var json = $$"""
            {"version":"4","groupKey":"{}:{alertname=\"HighErrorRate\"}","truncatedAlerts":0,"status":"{{status}}","receiver":"aiops",
             "groupLabels":{"alertname":"HighErrorRate"},"commonLabels":{"alertname":"HighErrorRate","service":"frontend","severity":"critical"},
             "commonAnnotations":{"summary":"frontend 5xx ratio above 5%"},"externalURL":"http://alertmanager:9093",
             "alerts":[{"status":"{{status}}","labels":{"alertname":"HighErrorRate","service":"frontend","severity":"critical"},
               "annotations":{"summary":"frontend 5xx ratio above 5%"},"startsAt":"{{startsAt}}","endsAt":"0001-01-01T00:00:00Z",
               "generatorURL":"http://prometheus:9090/graph","fingerprint":"5a3e9f2c1b7d4e60"}]}
            """.ReplaceLineEndings(string.Empty);
        return new DemoMessage(EventsTopic, "frontend", json, t);
    }
}
