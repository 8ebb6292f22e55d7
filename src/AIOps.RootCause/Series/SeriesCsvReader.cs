using System.Globalization;

namespace AIOps.RootCause.Series;

/// <summary>
/// Reads a <see cref="SeriesFrame"/> from CSV: a header <c>time,&lt;entity&gt;&lt;sep&gt;&lt;metric&gt;,...</c>, then one row per
/// sample. Time is unix seconds (integer or fractional) or RFC 3339; empty or unparsable cells are NaN. Rows are sorted
/// by time if they arrive out of order. Plain comma splitting: the inputs are numeric tables without quoted cells.
/// </summary>
public static class SeriesCsvReader
{
    public static SeriesFrame Load(string path, string separator = SeriesColumn.DefaultSeparator)
    {
        using var reader = new StreamReader(path);
        return Read(reader, separator);
    }

    public static SeriesFrame Read(TextReader reader, string separator = SeriesColumn.DefaultSeparator)
    {
        var header = reader.ReadLine() ?? throw new FormatException("empty CSV: no header row");
        var names = header.Split(',');
        if (names.Length < 2)
        {
            throw new FormatException("CSV needs a time column and at least one series column");
        }

        var times = new List<double>();
        var rows = new List<double[]>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            times.Add(ParseTime(cells[0].Trim(), lineNumber));
            var row = new double[names.Length - 1];
            for (var c = 1; c < names.Length; c++)
            {
                row[c - 1] = c < cells.Length ? ParseValue(cells[c]) : double.NaN;
            }

            rows.Add(row);
        }

        var order = Enumerable.Range(0, times.Count).ToArray();
        var timeArray = times.ToArray();
        Array.Sort((double[])timeArray.Clone(), order);
        Array.Sort(timeArray);

        var columns = new SeriesColumn[names.Length - 1];
        for (var c = 0; c < columns.Length; c++)
        {
            var values = new double[order.Length];
            for (var r = 0; r < order.Length; r++)
            {
                values[r] = rows[order[r]][c];
            }

            columns[c] = SeriesColumn.FromName(names[c + 1].Trim(), values, separator);
        }

        return new SeriesFrame(timeArray, columns);
    }

    /// <summary>Unix seconds from either a number of seconds or an RFC 3339 timestamp.</summary>
    public static double ParseTime(string text, int lineNumber = 0)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return (time - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
        }

        throw new FormatException($"line {lineNumber}: time '{text}' is neither unix seconds nor RFC 3339");
    }

    private static double ParseValue(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
