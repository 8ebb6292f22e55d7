using AIOps.Core.Model;

namespace AIOps.Server.Demo;

/// <summary>Plain-text rendering of incidents for terminals and logs.</summary>
public static class IncidentText
{
    public static async Task WriteVersionAsync(TextWriter output, Incident incident)
    {
        var top = incident.RootCause?.Candidates.FirstOrDefault();
        var cause = top is null ? "no cause yet" : $"top cause {top.Entity} ({top.Indicator}, score {top.Score:0.00}, {top.Confidence.ToString().ToLowerInvariant()})";
        await output.WriteLineAsync($"{incident.LastSeen.UtcDateTime:HH:mm:ss} {incident.Id} v{incident.Version} {incident.Status.ToString().ToUpperInvariant()} [{incident.Change}] {incident.Title}; {cause}").ConfigureAwait(false);
    }

    public static async Task WriteSummaryAsync(TextWriter output, IReadOnlyList<Incident> incidents, string? expectedCause = null)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        var merged = incidents.Count(i => i.MergedInto is not null);
        await output.WriteLineAsync($"{incidents.Count - merged} incident(s){(merged > 0 ? $" ({merged} more merged into them)" : string.Empty)}").ConfigureAwait(false);
        foreach (var incident in incidents.Where(i => i.MergedInto is null))
        {
            await output.WriteLineAsync($"- {incident.Id} v{incident.Version} {incident.Status} {incident.Severity}: {incident.Title}").ConfigureAwait(false);
            await output.WriteLineAsync($"  entities: {string.Join(", ", incident.Entities)}; {incident.Signals.Count} signals; first seen {incident.FirstSeen:u}").ConfigureAwait(false);
            var rank = 1;
            foreach (var candidate in incident.RootCause?.Candidates.Take(5) ?? [])
            {
                await output.WriteLineAsync($"  {rank++}. {candidate.Entity} [{candidate.Indicator}] score {candidate.Score:0.00} ({candidate.Confidence.ToString().ToLowerInvariant()} confidence)").ConfigureAwait(false);
                await output.WriteLineAsync($"     {candidate.Explanation}").ConfigureAwait(false);
            }
        }

        if (expectedCause is not null)
        {
            var top = incidents.FirstOrDefault(i => i.Status == IncidentStatus.Open)?.RootCause?.Candidates.FirstOrDefault()?.Entity;
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Injected fault: {expectedCause}. Top-ranked cause: {top ?? "none"}{(top == expectedCause ? " (correct)" : string.Empty)}.").ConfigureAwait(false);
        }
    }
}
