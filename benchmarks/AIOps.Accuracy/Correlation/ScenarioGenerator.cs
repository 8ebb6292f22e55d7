using System.Globalization;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Server.Replay;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// Simulates the shop for one scenario and writes what its tools would put on Kafka, as a `kcat -C -J` dump:
/// Telegraf/Influx HTTP metrics per pod, prometheus-kafka-adapter JSON for datastores and nodes, Fluent Bit JSON
/// logs, Alertmanager webhooks (threshold alerts evaluated on the simulated state, plus each fault's own alerts)
/// and CI change events. Seeded: the same spec always gives the same bytes. The truth goes to a side file.
/// </summary>
internal sealed partial class ScenarioGenerator
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private const int AlertForSteps = 2;
    private const int ResendSteps = 8;

    private readonly ScenarioSpec _spec;
    private readonly Random _random;
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertState> _alerts = new(StringComparer.Ordinal);
    private readonly List<NoiseEvent> _noise = [];
    private readonly DateTimeOffset _start;
    private readonly Component[] _components;
    private readonly TelemetryVolume _volume;

    // Counters draw from their own generator, so switching them on leaves every other draw (and byte) as it was.
    private readonly Random _counterRandom;
    private readonly Dictionary<string, (double Requests, double Errors)> _counters = new(StringComparer.Ordinal);
    private static readonly string[] Routes = ["/list", "/get", "/create", "/update", "/delete", "/search", "/health", "/export"];

    public ScenarioGenerator(ScenarioSpec spec)
    {
        _spec = spec;
        _random = new Random(spec.Seed);
        _start = Epoch.AddDays(spec.Seed);
        _components = spec.System ?? SimulatedSystem.Components;
        _volume = spec.Volume ?? TelemetryVolume.Suite;
        _counterRandom = new Random(spec.Seed ^ 0x5EED);
    }

    public (IReadOnlyList<string> Lines, ScenarioTruth Truth) Generate()
    {
        PlanNoise();
        for (var step = 0; step < _spec.Steps; step++)
        {
            var t = Time(step);
            ChangesAt(step, t);
            var state = StateAt(step);
            foreach (var component in _components)
            {
                Telemetry(component, state.GetValueOrDefault(component.Name), step, t);
            }

            if (_spec.Traces)
            {
                Traces(state, step, t);
            }

            Nodes(state, t);
            ThresholdAlerts(state, step, t);
            FaultAlerts(step, t);
            NoiseAt(step, t);
        }

        return (_lines, Truth());
    }

    private DateTimeOffset Time(int step) => _start + (Step * step);

    /// <summary>The combined effect of every active fault on each component at this step.</summary>
    private Dictionary<string, Effect> StateAt(int step)
    {
        var state = new Dictionary<string, Effect>(StringComparer.Ordinal);
        foreach (var fault in _spec.Faults)
        {
            foreach (var effect in fault.Effects)
            {
                if (step < fault.StartStep + effect.DelaySteps || step >= fault.StartStep + fault.DurationSteps)
                {
                    continue;
                }

                var current = Ramped(effect, step - fault.StartStep - effect.DelaySteps);
                state[effect.Entity] = state.TryGetValue(effect.Entity, out var known)
                    ? known with { LatencyFactor = Math.Max(known.LatencyFactor, current.LatencyFactor), ErrorFactor = Math.Max(known.ErrorFactor, current.ErrorFactor), Down = known.Down || current.Down, ErrorLog = known.ErrorLog ?? current.ErrorLog }
                    : current;
            }
        }

        return state;
    }

    /// <summary>The effect <paramref name="elapsed"/> steps after it began: its full value, or part of the way there while it ramps.</summary>
    private static Effect Ramped(Effect effect, int elapsed)
    {
        if (effect.RampSteps <= 0)
        {
            return effect;
        }

        var share = Math.Min(1.0, (elapsed + 1) / (double)effect.RampSteps);
        return effect with { LatencyFactor = 1 + ((effect.LatencyFactor - 1) * share), ErrorFactor = 1 + ((effect.ErrorFactor - 1) * share) };
    }

    private void Telemetry(Component component, Effect? effect, int step, DateTimeOffset t)
    {
        var latencyFactor = effect?.LatencyFactor ?? 1;
        var errorFactor = effect?.ErrorFactor ?? 1;
        var spike = _noise.FirstOrDefault(n => n.Kind == NoiseKind.LatencySpike && n.Entity == component.Name && n.StartStep == step);
        if (component.IsDatastore)
        {
            var down = effect?.Down == true;
            Prometheus(t, component.UpMetric, down ? 0 : 1, ("service", component.Name), ("instance", $"{component.Node}:9100"), ("namespace", SimulatedSystem.Namespace));
            if (!down)
            {
                Prometheus(t, component.LatencyMetric, Noisy(component.LatencyMs * latencyFactor * (spike is null ? 1 : 5), 0.06), ("service", component.Name), ("instance", $"{component.Node}:9100"), ("namespace", SimulatedSystem.Namespace));
            }
        }
        else
        {
            for (var pod = 0; pod < _volume.Pods; pod++)
            {
                for (var route = 0; route < _volume.Routes; route++)
                {
                    // A noise spike hits one route of one pod (a slow GC, one hot key), a fault every series.
                    var latency = Noisy(component.LatencyMs * latencyFactor * (spike is not null && pod == 0 && route == 0 ? 5 : 1), 0.06);
                    var errors = Math.Min(100, Noisy(component.ErrorRate * errorFactor, 0.15));
                    Influx(t, component, pod, _volume.Routes == 1 ? null : Routes[route], latency, errors);
                }
            }

            if (step % 2 == 0)
            {
                Log(t, component, "info", $"GET /api/{component.Name} 200 in {component.LatencyMs * latencyFactor:0} ms");
            }
        }

        if (effect?.ErrorLog is { } body && (errorFactor > 1.5 || effect.Down || effect.LatencyFactor > 1.5))
        {
            var lines = 1 + (int)Math.Ceiling(Math.Log2(Math.Max(2, errorFactor)));
            for (var k = 0; k < lines; k++)
            {
                Log(t.AddMilliseconds(200 * (k + 1)), component, "error", body);
            }
        }
    }

    private void Nodes(Dictionary<string, Effect> state, DateTimeOffset t)
    {
        foreach (var node in _components.Select(c => c.Node).Distinct().Order(StringComparer.Ordinal))
        {
            if (!state.ContainsKey(node))
            {
                Prometheus(t, "node_load1", Noisy(1.5, 0.1), ("node", node));
            }
        }
    }

    private double Noisy(double value, double relative) => Math.Max(0, value * (1 + (relative * Gaussian())));

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private void Emit(string topic, string key, DateTimeOffset t, string payload)
    {
        var offset = _offsets.GetValueOrDefault(topic);
        _offsets[topic] = offset + 1;
        _lines.Add(KcatEnvelope.Format(topic, 0, offset, t, key, payload));
    }

    private void Influx(DateTimeOffset t, Component c, int pod, string? route, double latency, double errorRate)
    {
        var ns = (t.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
        var routeTag = route is null ? string.Empty : $",route=/api/{c.Name}{route}";
        var counters = string.Empty;
        if (_spec.Counters)
        {
            // About 20 requests/s per series; errors follow the error rate (percent) of the step.
            var key = $"{c.Name}/{pod}{route}";
            var (requests, errors) = _counters.GetValueOrDefault(key);
            var served = Math.Round(Step.TotalSeconds * 20 * (1 + (0.05 * ((_counterRandom.NextDouble() * 2) - 1))));
            requests += served;
            errors += Math.Round(served * errorRate / 100);
            _counters[key] = (requests, errors);
            counters = string.Create(CultureInfo.InvariantCulture, $",requests_total={requests:0},errors_total={errors:0}");
        }

        Emit("telemetry.metrics", c.Name, t, string.Create(CultureInfo.InvariantCulture,
            $"http,service={c.Name},pod={c.Name}-{pod},host={c.Node},namespace={SimulatedSystem.Namespace}{routeTag} latency_ms={latency:0.###},error_rate={errorRate:0.###}{counters} {ns}"));
    }

    private void Prometheus(DateTimeOffset t, string name, double value, params (string Key, string Value)[] labels)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = name };
        foreach (var (k, v) in labels)
        {
            map[k] = v;
        }

        Emit("telemetry.metrics", labels[0].Value, t, JsonSerializer.Serialize(new { timestamp = Rfc3339(t), value = value.ToString("0.###", CultureInfo.InvariantCulture), name, labels = map }));
    }

    private void Log(DateTimeOffset t, Component c, string level, string message) =>
        Emit("telemetry.logs", c.Name, t, JsonSerializer.Serialize(new
        {
            date = Math.Round(t.ToUnixTimeMilliseconds() / 1000.0, 3),
            log = message,
            level,
            service = c.Name,
            kubernetes = new { pod_name = $"{c.Name}-0", namespace_name = SimulatedSystem.Namespace, host = c.Node },
        }));

    private void Change(DateTimeOffset t, string service, string kind, string title) =>
        Emit("telemetry.events", service, t, JsonSerializer.Serialize(new { kind, service, title, timestamp = Rfc3339(t), source = "ci", id = $"chg-{StableHash.Hex(StableHash.Of(service + title + t.ToUnixTimeSeconds()))[..10]}" }));

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
