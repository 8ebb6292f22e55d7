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
