using AIOps.Core.Model;

namespace AIOps.RootCause.Series;

/// <summary>The onset used (given or detected) and one candidate per entity, best first.</summary>
public sealed record SeriesRcaResult(DateTimeOffset? Onset, IReadOnlyList<RootCauseCandidate> Candidates);
