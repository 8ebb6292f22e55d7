namespace AIOps.Detection.Rules;

/// <summary>One entry of rules/detection.yaml: a metric-name glob and the settings that override the defaults.</summary>
public sealed record DetectionRule(
    string Match,
    string? Detector = null,
    double? Threshold = null,
    SignalDirection? Direction = null,
    TimeSpan? MinDuration = null,
    SeasonHint? Season = null,
    bool? Stuck = null,
    CounterMode? Counter = null)
{
    /// <summary>Glob match on the metric name: <c>*</c> is any run of characters; case-insensitive.</summary>
    public bool Matches(string metricName) => GlobMatch(Match.AsSpan(), metricName.AsSpan());

    private static bool GlobMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                pattern = pattern[1..];
                for (var skip = 0; skip <= text.Length; skip++)
                {
                    if (GlobMatch(pattern, text[skip..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (text.Length == 0 || char.ToLowerInvariant(pattern[0]) != char.ToLowerInvariant(text[0]))
            {
                return false;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.Length == 0;
    }
}
