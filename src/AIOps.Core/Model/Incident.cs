namespace AIOps.Core.Model;

public enum IncidentStatus
{
    Open,
    Resolved,
}

/// <summary>
/// A group of signals that are one problem. Every change produces a new <see cref="Version"/>;
/// consumers keep the highest version per <see cref="Id"/>, so a replayed update is idempotent.
/// </summary>
public sealed record Incident
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required IncidentStatus Status { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required IReadOnlyList<string> Entities { get; init; }

    public required IReadOnlyList<Signal> Signals { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Set when this incident turned out to be part of another one; it is then resolved.</summary>
    public string? MergedInto { get; init; }

    /// <summary>Why the members were grouped (one line per decision).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>What produced this version (opened, signal added, resolved, ...).</summary>
    public string Change { get; init; } = "opened";

    public RootCauseReport? RootCause { get; init; }
}
