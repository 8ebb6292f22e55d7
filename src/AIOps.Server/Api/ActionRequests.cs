namespace AIOps.Server.Api;

/// <summary>Body of acknowledge and resolve (optional).</summary>
public sealed record NoteRequest(string? Note);

/// <summary>Body of silence: how long (30m, 2h, 1d; at most 30d), and why.</summary>
public sealed record SilenceRequest(string? Duration, string? Note);

/// <summary>
/// Body of feedback: verdict "cause" or "not-cause" on a candidate (entity, and its indicator, which defaults
/// to the one in the incident's report), or "noise" for the whole incident.
/// </summary>
public sealed record FeedbackRequest(string? Verdict, string? Entity, string? Indicator, string? Note);

/// <summary>
/// Body of POST /silences: signals matching every matcher are muted (counted, never grouped into incidents) from
/// <see cref="StartsAt"/> (default now) for <see cref="Duration"/> or until <see cref="EndsAt"/> (event time).
/// </summary>
public sealed record MatcherSilenceRequest(IReadOnlyList<MatcherRequest>? Matchers, string? Duration, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Comment);

/// <summary>One matcher, as in rule files: field (entity, indicator, kind, severity, detector, summary) or label, and one of equals, regex, exists, atLeast; not negates.</summary>
public sealed class MatcherRequest
{
    public string? Field { get; init; }

    public string? Label { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public string? EqualTo { get; init; }

    public string? Regex { get; init; }

    public bool? Exists { get; init; }

    public string? AtLeast { get; init; }

    public bool? Not { get; init; }
}
