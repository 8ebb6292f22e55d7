using System.Globalization;
using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>Turns a scored candidate into its evidence list and one sentence a person can act on.</summary>
internal static class CandidateReport
{
    public static RootCauseCandidate Build(ScoredCandidate c, Confidence confidence, DateTimeOffset? firstOnset)
    {
        var f = c.Features;
        var evidence = new List<Evidence>();
        var reasons = new List<string>();
        var lead = f.Lead;

        if (f.Onset is { } onset)
        {
            var lag = firstOnset is { } first ? onset - first : TimeSpan.Zero;
            evidence.Add(new Evidence(EvidenceKind.Onset, lag <= TimeSpan.Zero ? "first anomaly of the incident" : $"started {Minutes(lag)} after the first anomaly", onset));
            reasons.Add(lag <= TimeSpan.Zero ? $"its {lead!.Indicator} went wrong first ({onset.UtcDateTime:HH:mm:ss} UTC)" : $"its {lead!.Indicator} went wrong {Minutes(lag)} after the first symptom");
        }

        if (lead is { Kind: SignalKind.Anomaly } && double.IsFinite(lead.Expected))
        {
            evidence.Add(new Evidence(EvidenceKind.Shift, $"{lead.Indicator}: {Fmt(lead.Expected)} -> {Fmt(lead.Observed)} ({Fmt(lead.Deviation)} robust deviations)", lead.Onset, lead.Expected, lead.Observed));
            reasons.Add($"moved from {Fmt(lead.Expected)} to {Fmt(lead.Observed)}");
        }
        else if (lead is { Kind: SignalKind.Alert })
        {
            evidence.Add(new Evidence(EvidenceKind.Alert, $"alert {lead.Indicator}: {lead.Summary}", lead.Onset));
            reasons.Add($"alert {lead.Indicator} fired");
        }

        if (c.InferredShared)
        {
            var parts = string.Join(", ", c.AnomalousCallers);
            evidence.Add(new Evidence(EvidenceKind.Topology, $"in no declared dependency, went wrong together with {parts}, which share no declared path: an undeclared dependency they share", Path: [.. c.AnomalousCallers, f.Entity]));
            reasons.Add($"it has no declared place in the call graph and went wrong together with {parts}, which nothing declared connects: likely a dependency they all share");
        }
        else if (c.HostOfServices)
        {
            var services = string.Join(", ", c.AnomalousCallers);
            evidence.Add(new Evidence(EvidenceKind.Topology, $"host of {services}, which went wrong together", Path: [.. c.AnomalousCallers, f.Entity]));
            reasons.Add($"{services} run on it and went wrong together: a problem of the host explains all of them");
        }
        else if (c.AnomalousCallers.Count > 0 || f.IsAnomalous)
        {
            var path = c.AnomalousCallers.Append(f.Entity).ToList();
            var downstream = c.AnomalousCallees.Count == 0 ? "nothing it depends on is anomalous" : $"it depends on anomalous {string.Join(", ", c.AnomalousCallees)}";
            var upstream = c.AnomalousCallers.Count == 0 ? "no anomalous caller" : $"callers {string.Join(", ", c.AnomalousCallers)} are anomalous";
            evidence.Add(new Evidence(EvidenceKind.Topology, $"{upstream}; {downstream}", Path: path));
            if (c.TopologyScore >= 0.5)
            {
                reasons.Add(c.AnomalousCallers.Count > 0 ? $"{upstream} while {downstream}" : downstream);
            }
        }

        if (c.Change is { } change)
        {
            var before = f.Onset is { } o ? $" {Minutes(o - change.Timestamp)} before onset" : string.Empty;
            evidence.Add(new Evidence(EvidenceKind.Change, $"{change.Indicator}{before}: {change.Summary}", change.Timestamp));
            reasons.Add($"a change ({change.Summary ?? change.Indicator}) landed{before}");
        }

        if (f.FirstNovelty is { } novelty)
        {
            evidence.Add(new Evidence(EvidenceKind.LogTemplate, novelty.Summary ?? novelty.Indicator, novelty.Onset));
            reasons.Add($"started logging a line never seen before ({novelty.Indicator})");
        }

        if (c.Verdicts is { Confirmed: > 0 } or { Rejected: > 0 })
        {
            // Said openly so a person sees why the order differs from the evidence alone.
            reasons.Add($"operators confirmed this as the cause {c.Verdicts.Confirmed}x and rejected it {c.Verdicts.Rejected}x before (prior {c.Prior.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)})");
        }

        var indicator = lead?.Indicator ?? c.Change?.Indicator ?? "dependency";
        var explanation = reasons.Count == 0
            ? $"{f.Entity} is a dependency of the affected services but shows no anomaly itself."
            : $"{f.Entity}: {string.Join("; ", reasons)}.";
        return new RootCauseCandidate(f.Entity, indicator, Math.Round(c.Score, 4), confidence, evidence, explanation);
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min"
        : $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";

    private static string Fmt(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
