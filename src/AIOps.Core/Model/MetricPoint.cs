namespace AIOps.Core.Model;

/// <summary>One sample of one series.</summary>
public sealed record MetricPoint : TelemetryRecord
{
    public required string Name { get; init; }

    public required LabelSet Labels { get; init; }

    public required double Value { get; init; }

    public SeriesId SeriesId => SeriesId.Of(Name, Labels);

    /// <summary>Builds a point and resolves its resource from its labels.</summary>
    public static MetricPoint Create(string name, LabelSet labels, DateTimeOffset timestamp, double value) => new()
    {
        Name = name,
        Labels = labels,
        Timestamp = timestamp,
        Value = value,
        Resource = EntityResolver.FromLabels(labels),
    };
}
