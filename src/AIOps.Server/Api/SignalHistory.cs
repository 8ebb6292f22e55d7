using AIOps.Core.Model;

namespace AIOps.Server.Api;

/// <summary>
/// The observations of each incident signal over time, gathered from the incident versions as they are stored
/// (a signal carries only its latest observation, so the versions are its history). Kept in memory and bounded:
/// <see cref="MaxPoints"/> per series, <see cref="MaxIncidents"/> incidents (the oldest tracked is forgotten).
/// After a restart a series starts again from the stored latest version.
/// </summary>
public sealed class SignalHistory
{
    public const int MaxPoints = 120;
    public const int MaxIncidents = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Series>> _incidents = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Record(Incident incident)
    {
        lock (_gate)
        {
            if (!_incidents.TryGetValue(incident.Id, out var series))
            {
                if (_order.Count >= MaxIncidents)
                {
                    _incidents.Remove(_order.Dequeue());
                }

                _incidents[incident.Id] = series = new Dictionary<string, Series>(StringComparer.Ordinal);
                _order.Enqueue(incident.Id);
            }

            foreach (var signal in incident.Signals)
            {
                if (signal.Kind != SignalKind.Anomaly || !double.IsFinite(signal.Observed))
                {
                    continue;
                }

                if (!series.TryGetValue(signal.Fingerprint, out var s))
                {
                    series[signal.Fingerprint] = s = new Series(signal.Entity, signal.Indicator, []);
                }

                if (s.Points.Count == 0 || signal.Timestamp > s.Points[^1].T)
                {
                    if (s.Points.Count == MaxPoints)
                    {
                        s.Points.RemoveAt(0);
                    }

                    s.Points.Add(new Observation(signal.Timestamp, signal.Observed));
                }
            }
        }
    }

    public IReadOnlyList<Series> Of(string incidentId)
    {
        lock (_gate)
        {
            return _incidents.TryGetValue(incidentId, out var series)
                ? [.. series.Values.Select(s => s with { Points = [.. s.Points] })]
                : [];
        }
    }

    /// <summary>One signal's observations, oldest first.</summary>
    public sealed record Series(string Entity, string Indicator, List<Observation> Points);

    public readonly record struct Observation(DateTimeOffset T, double V);
}
