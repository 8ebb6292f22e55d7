namespace AIOps.Core.Model;

/// <summary>One span; spans feed per-service latency and error series and the dependency graph.</summary>
public sealed record SpanRecord : TelemetryRecord
{
    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public required string Service { get; init; }

    public required string Operation { get; init; }

    public required TimeSpan Duration { get; init; }

    public bool IsError { get; init; }

    /// <summary>The called service for client spans, when known.</summary>
    public string? PeerService { get; init; }
}
