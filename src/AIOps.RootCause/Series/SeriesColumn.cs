namespace AIOps.RootCause.Series;

/// <summary>
/// One named series of a <see cref="SeriesFrame"/>: the entity it belongs to, the metric it measures, and its values
/// (NaN where a sample is missing).
/// </summary>
public sealed record SeriesColumn(string Name, string Entity, string Metric, double[] Values)
{
    public const string DefaultSeparator = "_";

    /// <summary>The metric name used when a column name has no separator.</summary>
    public const string DefaultMetric = "value";

    /// <summary>Builds a column whose entity and metric come from its name split at the first <paramref name="separator"/>.</summary>
    public static SeriesColumn FromName(string name, double[] values, string separator = DefaultSeparator)
    {
        var (entity, metric) = Split(name, separator);
        return new SeriesColumn(name, entity, metric, values);
    }

    /// <summary>
    /// Splits at the FIRST separator: <c>carts-db_lat_90</c> is entity <c>carts-db</c>, metric <c>lat_90</c>.
    /// A name without the separator (or starting with it) is an entity with the metric <see cref="DefaultMetric"/>.
    /// </summary>
    public static (string Entity, string Metric) Split(string name, string separator)
    {
        if (string.IsNullOrEmpty(separator))
        {
            return (name, DefaultMetric);
        }

        var at = name.IndexOf(separator, StringComparison.Ordinal);
        if (at <= 0 || at + separator.Length >= name.Length)
        {
            return (at == 0 || at < 0 ? name : name[..at], DefaultMetric);
        }

        return (name[..at], name[(at + separator.Length)..]);
    }
}
