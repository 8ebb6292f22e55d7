namespace AIOps.Core.Model;

public enum EventStatus
{
    Firing,
    Resolved,
}

public enum EventKind
{
    Alert,
    Change,
    Info,
}

/// <summary>An alert or a change (deploy, config) reported by another tool.</summary>
public sealed record EventRecord : TelemetryRecord
{
    public required string Source { get; init; }

    public required string Fingerprint { get; init; }

    public required EventStatus Status { get; init; }

    public required Severity Severity { get; init; }

    public required EventKind Kind { get; init; }

    public required string Title { get; init; }

    public LabelSet Labels { get; init; } = LabelSet.Empty;

    public LabelSet Annotations { get; init; } = LabelSet.Empty;
}
