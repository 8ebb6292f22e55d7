using System.Globalization;

namespace AIOps.Server.Tests.Support;

/// <summary>Reads sample values out of the Prometheus text exposition format.</summary>
internal static class PrometheusText
{
    /// <summary>The value of the first sample of <paramref name="name"/> carrying every given label, or null.</summary>
    public static double? Value(string text, string name, params (string Label, string Value)[] labels)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || !(line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labelPart = close < 0 ? string.Empty : line[..close];
            if (!labels.All(l => labelPart.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                continue;
            }

            var rest = (close < 0 ? line[name.Length..] : line[(close + 1)..]).Trim();
            return double.Parse(rest.Split(' ')[0], CultureInfo.InvariantCulture);
        }

        return null;
    }
}
