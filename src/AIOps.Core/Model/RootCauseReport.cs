namespace AIOps.Core.Model;

public enum Confidence
{
    Low,
    Medium,
    High,
}

public enum EvidenceKind
{
    Onset,
    Shift,
    Topology,
    Change,
    LogTemplate,
    Alert,
}

/// <summary>One fact that supports a candidate.</summary>
public sealed record Evidence(
    EvidenceKind Kind,
    string Description,
    DateTimeOffset? Time = null,
    double? Before = null,
    double? After = null,
    IReadOnlyList<string>? Path = null);

/// <summary>A likely cause: an entity and the indicator that shows it.</summary>
public sealed record RootCauseCandidate(
    string Entity,
    string Indicator,
    double Score,
    Confidence Confidence,
    IReadOnlyList<Evidence> Evidence,
    string Explanation);

/// <summary>Ranked causes of one incident, best first.</summary>
public sealed record RootCauseReport(
    DateTimeOffset? Onset,
    IReadOnlyList<RootCauseCandidate> Candidates,
    string Method);
