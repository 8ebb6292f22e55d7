namespace AIOps.Ingest.Influx;

/// <summary>One syntactically valid line, as raw (still escaped) slices of the payload.</summary>
internal readonly ref struct LineToken
{
    public LineToken(int lineNumber, ReadOnlySpan<byte> measurement, ReadOnlySpan<byte> tags, ReadOnlySpan<byte> seriesKey, ReadOnlySpan<byte> fields, long? timestamp)
    {
        LineNumber = lineNumber;
        Measurement = measurement;
        Tags = tags;
        SeriesKey = seriesKey;
        Fields = fields;
        Timestamp = timestamp;
    }

    public int LineNumber { get; }

    public ReadOnlySpan<byte> Measurement { get; }

    /// <summary>The tag section after the measurement's comma: <c>k=v,k=v</c>, or empty.</summary>
    public ReadOnlySpan<byte> Tags { get; }

    /// <summary>Measurement plus tags, raw; equal keys mean equal series labels (used as a cache key).</summary>
    public ReadOnlySpan<byte> SeriesKey { get; }

    /// <summary>The field section: <c>k=v,k="s"</c>.</summary>
    public ReadOnlySpan<byte> Fields { get; }

    public long? Timestamp { get; }
}
