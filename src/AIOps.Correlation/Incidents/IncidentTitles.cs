using AIOps.Core.Model;

namespace AIOps.Correlation.Incidents;

/// <summary>A short human title: the first problem seen, and how far it spread.</summary>
internal static class IncidentTitles
{
    public static string For(IReadOnlyList<Signal> problems, IReadOnlyList<string> entities)
    {
        if (problems.Count == 0)
        {
            return "Incident";
        }

        var first = problems.MinBy(s => s.Onset)!;
        var what = first.Kind == SignalKind.Alert ? first.Summary ?? first.Indicator : $"{first.Indicator} anomaly";
        var spread = entities.Count > 1 ? $" (+{entities.Count - 1} related: {string.Join(", ", entities.Where(e => e != first.Entity).Take(3))})" : string.Empty;
        return $"{what} on {first.Entity}{spread}";
    }
}
