using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// Every input the ranking reads about one candidate, as plain values: two versions of an incident whose candidates
/// have equal keys (and the same neighbours) rank identically, whatever else changed (a re-sent alert, another
/// condition on an entity already shown by an earlier one).
/// </summary>
internal readonly record struct CandidateKey(
    string Entity,
    DateTimeOffset? Onset,
    DateTimeOffset? LoneOnsetUntil,
    double Magnitude,
    SignalKind? LeadKind,
    string? LeadIndicator,
    DateTimeOffset LeadOnset,
    double LeadExpected,
    double LeadObserved,
    double LeadDeviation,
    string? LeadSummary,
    string? NoveltyIndicator,
    string? NoveltySummary,
    DateTimeOffset NoveltyOnset,
    double NoveltyScore,
    string? ChangeIndicator,
    string? ChangeSummary,
    DateTimeOffset ChangeTime,
    double Prior,
    (int Confirmed, int Rejected) Verdicts)
{
    /// <param name="onsetScale">The ranking's onset scale: only a next onset further than this after the first is read (<see cref="CandidateFeatures.LoneOnsetUntil"/>).</param>
    public static CandidateKey Of(CandidateFeatures f, Signal? change, double prior, (int, int) verdicts, TimeSpan onsetScale) => new(
        f.Entity,
        f.Onset,
        f.LoneOnsetUntil(onsetScale),
        f.Magnitude,
        f.Lead?.Kind,
        f.Lead?.Indicator,
        f.Lead?.Onset ?? default,
        f.Lead?.Expected ?? 0,
        f.Lead?.Observed ?? 0,
        f.Lead?.Deviation ?? 0,
        f.Lead?.Summary,
        f.FirstNovelty?.Indicator,
        f.FirstNovelty?.Summary,
        f.FirstNovelty?.Onset ?? default,
        f.NoveltyScore,
        change?.Indicator,
        change?.Summary,
        change?.Timestamp ?? default,
        prior,
        verdicts);
}
