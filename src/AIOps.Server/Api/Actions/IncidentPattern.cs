using AIOps.Core.Model;

namespace AIOps.Server.Api.Actions;

/// <summary>
/// What makes two incidents "similar" for silences and noise: the set of entity/indicator pairs of their
/// problem signals (change events are context, not symptoms). Similar means a Jaccard overlap of at least half.
/// </summary>
public static class IncidentPattern
{
    public const double SimilarOverlap = 0.5;

    public static IReadOnlyList<string> Of(Incident incident) =>
        [.. incident.Signals.Where(s => s.Kind != SignalKind.Change).Select(s => $"{s.Entity}/{s.Indicator}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static bool Similar(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Intersect(b, StringComparer.Ordinal).Count();
        return shared / (double)(a.Count + b.Count - shared) >= SimilarOverlap;
    }
}
