using System.Globalization;

namespace AIOps.Detection;

/// <summary>
/// Named numeric overrides parsed from a detector spec such as <c>ensemble?refractory=200&amp;holt.alpha=0.2</c>;
/// used by the accuracy harness to try method variants without recompiling. Unset names take the defaults.
/// </summary>
public sealed class DetectorParameters
{
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);

    public static DetectorParameters Empty { get; } = new();

    public static DetectorParameters Parse(string? query)
    {
        var result = new DetectorParameters();
        if (string.IsNullOrWhiteSpace(query))
        {
            return result;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(pair.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                throw new FormatException($"detector parameter '{pair}' is not name=number");
            }

            result._values[pair[..eq]] = v;
        }

        return result;
    }

    /// <summary>These parameters, with <paramref name="query"/> filling in the names they do not set.</summary>
    public DetectorParameters WithFallbacks(string query)
    {
        var merged = Parse(query);
        foreach (var (key, value) in _values)
        {
            merged._values[key] = value;
        }

        return merged;
    }

    public double Get(string name, double fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    public int Get(string name, int fallback) => _values.TryGetValue(name, out var v) ? (int)v : fallback;

    public bool Has(string name) => _values.ContainsKey(name);
}
