using System.Text;
using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

/// <summary>
/// Renders incident titles: <c>{{entity}}</c>, <c>{{indicator}}</c>, <c>{{severity}}</c>, <c>{{kind}}</c>,
/// <c>{{summary}}</c>, <c>{{rule}}</c>, <c>{{count}}</c> (entities), <c>{{labels.NAME}}</c>. Unknown names render empty.
/// </summary>
public static class TitleTemplate
{
    public static readonly string[] Variables = ["entity", "indicator", "severity", "kind", "summary", "rule", "count"];

    public static string Render(string template, Signal first, string rule, int entityCount)
    {
        var output = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                output.Append(template, position, template.Length - position);
                break;
            }

            output.Append(template, position, open - position);
            output.Append(Value(template.AsSpan(open + 2, close - open - 2).Trim().ToString(), first, rule, entityCount));
            position = close + 2;
        }

        return output.ToString();
    }

    /// <summary>Names in a template that are not variables (the linter reports them).</summary>
    public static IEnumerable<string> UnknownVariables(string template)
    {
        var position = 0;
        while (template.IndexOf("{{", position, StringComparison.Ordinal) is var open and >= 0)
        {
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                yield return template[open..];
                yield break;
            }

            var name = template[(open + 2)..close].Trim();
            if (!name.StartsWith("labels.", StringComparison.Ordinal) && Array.IndexOf(Variables, name) < 0)
            {
                yield return name;
            }

            position = close + 2;
        }
    }

    private static string Value(string name, Signal first, string rule, int entityCount) => name switch
    {
        "entity" => first.Entity,
        "indicator" => first.Indicator,
        "severity" => SignalMatcher.SeverityName(first.Severity),
        "kind" => SignalMatcher.KindName(first.Kind),
        "summary" => first.Summary ?? first.Indicator,
        "rule" => rule,
        "count" => entityCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when name.StartsWith("labels.", StringComparison.Ordinal) => first.Labels.Get(name["labels.".Length..]) ?? string.Empty,
        _ => string.Empty,
    };
}
