namespace AIOps.RootCause.Series;

/// <summary>
/// A table of aligned series: one time column (unix seconds, ascending) and named columns of equal length.
/// The unit the series root-cause analyzer works on (a window of metrics around an incident).
/// </summary>
public sealed class SeriesFrame
{
    public SeriesFrame(double[] times, IReadOnlyList<SeriesColumn> columns)
    {
        foreach (var column in columns)
        {
            if (column.Values.Length != times.Length)
            {
                throw new ArgumentException($"column '{column.Name}' has {column.Values.Length} values for {times.Length} times", nameof(columns));
            }
        }

        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] < times[i - 1])
            {
                throw new ArgumentException($"times must ascend (row {i})", nameof(times));
            }
        }

        Times = times;
        Columns = columns;
    }

    /// <summary>Unix seconds per row, ascending.</summary>
    public double[] Times { get; }

    public IReadOnlyList<SeriesColumn> Columns { get; }

    public int Length => Times.Length;

    public DateTimeOffset TimeAt(int row) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(Times[row] * 1000));

    /// <summary>The first row whose time is at or after <paramref name="unixSeconds"/> (Length when none).</summary>
    public int RowAtOrAfter(double unixSeconds)
    {
        var index = Array.BinarySearch(Times, unixSeconds);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && Times[index - 1] >= unixSeconds)
        {
            index--;
        }

        return index;
    }

    /// <summary>
    /// Appends <paramref name="later"/> after this frame, aligning columns by name. A column missing on one side is
    /// NaN there. Used to put a baseline recorded at another time in front of the incident window.
    /// </summary>
    public SeriesFrame Concat(SeriesFrame later)
    {
        var times = new double[Length + later.Length];
        Times.CopyTo(times, 0);
        later.Times.CopyTo(times, Length);

        var laterByName = new Dictionary<string, SeriesColumn>(StringComparer.Ordinal);
        foreach (var column in later.Columns)
        {
            laterByName[column.Name] = column;
        }

        var columns = new List<SeriesColumn>(Columns.Count + later.Columns.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            seen.Add(column.Name);
            laterByName.TryGetValue(column.Name, out var other);
            columns.Add(column with { Values = Join(column.Values, other?.Values, later.Length) });
        }

        foreach (var column in later.Columns)
        {
            if (seen.Add(column.Name))
            {
                columns.Add(column with { Values = PadFront(column.Values, Length) });
            }
        }

        return new SeriesFrame(times, columns);
    }

    /// <summary>
    /// Puts a baseline recorded at another time in front of an incident window: the baseline's times are shifted so
    /// that its last row sits one baseline step before the incident's first row (spacing kept), then the frames are
    /// concatenated by column name.
    /// </summary>
    public static SeriesFrame WithBaseline(SeriesFrame baseline, SeriesFrame incident)
    {
        if (baseline.Length == 0 || incident.Length == 0)
        {
            return baseline.Length == 0 ? incident : baseline;
        }

        var step = baseline.Length > 1 ? (baseline.Times[^1] - baseline.Times[0]) / (baseline.Length - 1) : 1;
        var offset = incident.Times[0] - step - baseline.Times[^1];
        var shifted = new double[baseline.Length];
        for (var i = 0; i < shifted.Length; i++)
        {
            shifted[i] = baseline.Times[i] + offset;
        }

        return new SeriesFrame(shifted, baseline.Columns).Concat(incident);
    }

    private static double[] Join(double[] first, double[]? second, int secondLength)
    {
        var values = new double[first.Length + secondLength];
        first.CopyTo(values, 0);
        if (second is null)
        {
            values.AsSpan(first.Length).Fill(double.NaN);
        }
        else
        {
            second.CopyTo(values, first.Length);
        }

        return values;
    }

    private static double[] PadFront(double[] second, int firstLength)
    {
        var values = new double[firstLength + second.Length];
        values.AsSpan(0, firstLength).Fill(double.NaN);
        second.CopyTo(values, firstLength);
        return values;
    }
}
