namespace AIOps.Ingest.Mapping;

/// <summary>
/// How a mapped object becomes metric points: the metric name (a literal or a field), and one value field, or
/// several, each a series named <c>name_key</c> (e.g. a statistic set max/min/sum/count).
/// </summary>
internal sealed record MetricMapping(string? Name, FieldPath? NameField, IReadOnlyList<(string Suffix, FieldPath Path)> Values);
