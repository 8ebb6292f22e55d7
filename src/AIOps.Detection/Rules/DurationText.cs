using System.Globalization;

namespace AIOps.Detection.Rules;

/// <summary>Durations as operators write them in rule files: 500ms, 30s, 5m, 1h, 1d.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        var (unit, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? ("ms", TimeSpan.FromMilliseconds(1))
            : text.EndsWith('s') ? ("s", TimeSpan.FromSeconds(1))
            : text.EndsWith('m') ? ("m", TimeSpan.FromMinutes(1))
            : text.EndsWith('h') ? ("h", TimeSpan.FromHours(1))
            : text.EndsWith('d') ? ("d", TimeSpan.FromDays(1))
            : (string.Empty, TimeSpan.Zero);
        if (unit.Length == 0 || !double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0 || !double.IsFinite(amount))
        {
            return false;
        }

        duration = scale * amount;
        return true;
    }
}
