using System.Globalization;

namespace AIOps.Detection.Rules;

/// <summary>
/// The `season:` setting of rules/detection.yaml: <c>auto</c> (the default: daily, or weekly when it fits, found from
/// the sampling step and kept only if it explains the data), <c>none</c> (never model a season: metrics whose
/// cycles are not real, e.g. a queue drained by batches at random times), or a period (<c>hourly</c>, <c>daily</c>,
/// <c>weekly</c>, or a duration such as <c>12h</c>) tried instead of the automatic candidates.
/// </summary>
public sealed record SeasonHint(TimeSpan Period, bool Disabled)
{
    /// <summary>A hinted season may take up to this many points per series (8 KB of seasonal indices).</summary>
    public const int MaxHintedPoints = 2016;

    public static readonly SeasonHint None = new(TimeSpan.Zero, true);

    /// <summary>The detector-spec parameters that implement the hint.</summary>
    public string SpecOverrides => Disabled
        ? "hw.maxPeriod=0"
        : string.Create(CultureInfo.InvariantCulture, $"hw.period={Period.TotalSeconds}&hw.maxPeriod={MaxHintedPoints}");

    /// <summary>Null for <c>auto</c>.</summary>
    public static bool TryParse(string text, out SeasonHint? hint)
    {
        hint = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "auto":
                return true;
            case "none":
                hint = None;
                return true;
            case "hourly":
                hint = new SeasonHint(TimeSpan.FromHours(1), false);
                return true;
            case "daily":
                hint = new SeasonHint(TimeSpan.FromDays(1), false);
                return true;
            case "weekly":
                hint = new SeasonHint(TimeSpan.FromDays(7), false);
                return true;
        }

        if (DurationText.TryParse(text, out var period) && period >= TimeSpan.FromMinutes(1))
        {
            hint = new SeasonHint(period, false);
            return true;
        }

        return false;
    }
}
