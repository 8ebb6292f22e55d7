namespace AIOps.Core.Model;

/// <summary>A decoded, normalized record: one of <see cref="MetricPoint"/>, <see cref="LogRecord"/>, <see cref="EventRecord"/> or <see cref="SpanRecord"/>.</summary>
public abstract record TelemetryRecord
{
    /// <summary>Event time, from the payload.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required Resource Resource { get; init; }
}
