namespace AIOps.Server.Api.Actions;

public enum ActionKind
{
    Acknowledge,
    Resolve,
    Silence,
    Feedback,
}

public enum FeedbackVerdict
{
    /// <summary>"This was the cause": the candidate (entity, indicator) is boosted next time.</summary>
    Cause,

    /// <summary>"Not the cause": the candidate is demoted next time.</summary>
    NotCause,

    /// <summary>The whole incident was noise: similar incidents are suppressed.</summary>
    Noise,
}

/// <summary>
/// One thing a person did to an incident, as stored (one JSON line each) and exported with the incident.
/// <see cref="Pattern"/> is the incident's entity/indicator set at the time, so "similar" can be matched later.
/// </summary>
public sealed record OperatorAction
{
    public required string Id { get; init; }

    public required ActionKind Kind { get; init; }

    public required string IncidentId { get; init; }

    public long IncidentVersion { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The token name (never the secret), or "anonymous" on an open API.</summary>
    public required string Actor { get; init; }

    public FeedbackVerdict? Verdict { get; init; }

    /// <summary>For cause feedback: the candidate judged.</summary>
    public string? Entity { get; init; }

    public string? Indicator { get; init; }

    /// <summary>For silences: when it ends.</summary>
    public DateTimeOffset? Until { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<string> Pattern { get; init; } = [];
}
