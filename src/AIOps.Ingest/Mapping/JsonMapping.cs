namespace AIOps.Ingest.Mapping;

/// <summary>
/// One declarative source from <c>rules/mappings/*.yaml</c>: which JSON field is the time, the entity, the value,
/// the severity, the message. Its <see cref="Name"/> is a decoder format: bind a topic to it, or let `auto` pick
/// it by <see cref="Match"/>. Built by <see cref="JsonMappingFile"/>, which validates every field.
/// </summary>
internal sealed record JsonMapping
{
    public required string Name { get; init; }

    public required MappingKind Kind { get; init; }

    /// <summary>Where it was defined (file:line), for error messages.</summary>
    public required string Origin { get; init; }

    /// <summary>Top-level conditions that let `auto` recognise this source; empty = only by topic binding.</summary>
    public IReadOnlyList<FieldCondition> Match { get; init; } = [];

    /// <summary>Path to an array of objects inside each message (a batch); null = the message is the object (or an array/NDJSON of them).</summary>
    public FieldPath? Records { get; init; }

    public TimestampMapping Timestamp { get; init; } = TimestampMapping.MessageTime;

    /// <summary>Resource attributes (OpenTelemetry names) and the fields to read each from, first present wins.</summary>
    public IReadOnlyList<(string Attribute, IReadOnlyList<FieldPath> Paths)> Entity { get; init; } = [];

    /// <summary>Fields copied into labels (metrics, events) or attributes (logs); an object field adds its scalar members.</summary>
    public IReadOnlyList<FieldPath> Labels { get; init; } = [];

    public MetricMapping? Metric { get; init; }

    public LogMapping? Log { get; init; }

    public EventMapping? Event { get; init; }
}
