using System.Globalization;
using System.Text.Json;

namespace AIOps.Accuracy.Correlation;

internal sealed partial class ScenarioGenerator
{
    private const int ServerSpansPerStep = 3;

    /// <summary>
    /// What an OpenTelemetry collector would export for the step, one OTLP/JSON message per service: a few server
    /// spans (its latency and errors) and one client span per callee carrying `peer.service`, including the calls
    /// that exist only in the spans (<see cref="ScenarioSpec.TracedCalls"/>), which is how the engine learns them.
    /// </summary>
    private void Traces(Dictionary<string, Effect> state, int step, DateTimeOffset t)
    {
        for (var index = 0; index < _components.Length; index++)
        {
            var component = _components[index];
            if (component.IsDatastore)
            {
                continue;
            }

            var effect = state.GetValueOrDefault(component.Name);
            var spans = new List<object>();
            for (var k = 0; k < ServerSpansPerStep; k++)
            {
                var failed = _random.NextDouble() * 100 < component.ErrorRate * (effect?.ErrorFactor ?? 1);
                spans.Add(Span(step, index, k, $"GET /api/{component.Name}", 2, t.AddMilliseconds(1000 * k), Noisy(component.LatencyMs * (effect?.LatencyFactor ?? 1), 0.06), failed, null));
            }

            var callees = component.Calls.Concat((_spec.TracedCalls ?? []).Where(c => c.Caller == component.Name).Select(c => c.Callee)).ToList();
            for (var k = 0; k < callees.Count; k++)
            {
                var callee = Array.Find(_components, c => c.Name == callees[k])!;
                var calleeEffect = state.GetValueOrDefault(callee.Name);
                var down = calleeEffect?.Down == true;
                var failed = down || _random.NextDouble() * 100 < callee.ErrorRate * (calleeEffect?.ErrorFactor ?? 1);
                var duration = down ? 1000 : Noisy(callee.LatencyMs * (calleeEffect?.LatencyFactor ?? 1), 0.06);
                spans.Add(Span(step, index, ServerSpansPerStep + k, $"call {callee.Name}", 3, t.AddMilliseconds(1000 * k) + TimeSpan.FromMilliseconds(5), duration, failed, callee.Name));
            }

            var payload = new
            {
                resourceSpans = new[]
                {
                    new
                    {
                        resource = new { attributes = new[] { Attribute("service.name", component.Name), Attribute("k8s.namespace.name", SimulatedSystem.Namespace), Attribute("host.name", component.Node) } },
                        scopeSpans = new[] { new { scope = new { name = "simulated" }, spans } },
                    },
                },
            };
            Emit("telemetry.traces", component.Name, t, JsonSerializer.Serialize(payload));
        }
    }

    private static object Attribute(string key, string value) => new { key, value = new { stringValue = value } };

    private static object Span(int step, int service, int k, string name, int kind, DateTimeOffset start, double durationMs, bool failed, string? peer)
    {
        var startNs = start.ToUnixTimeMilliseconds() * 1_000_000;
        var endNs = startNs + (long)(durationMs * 1_000_000);
        return new
        {
            traceId = string.Create(CultureInfo.InvariantCulture, $"{step:x8}{service:x8}{k:x8}00000001"),
            spanId = string.Create(CultureInfo.InvariantCulture, $"{service:x8}{(step * 64) + k:x8}"),
            name,
            kind,
            startTimeUnixNano = startNs.ToString(CultureInfo.InvariantCulture),
            endTimeUnixNano = endNs.ToString(CultureInfo.InvariantCulture),
            status = new { code = failed ? 2 : 0 },
            attributes = peer is null ? Array.Empty<object>() : [Attribute("peer.service", peer)],
        };
    }
}
