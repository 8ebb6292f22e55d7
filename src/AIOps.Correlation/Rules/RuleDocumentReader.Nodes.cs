using System.Globalization;
using AIOps.Core.Model;
using YamlDotNet.RepresentationModel;

namespace AIOps.Correlation.Rules;

internal sealed partial class RuleDocumentReader
{
    private IReadOnlyList<SignalMatcher> Matchers(YamlNode node)
    {
        var matchers = new List<SignalMatcher>();
        foreach (var item in Sequence(node, "matchers"))
        {
            if (Matcher(item) is { } matcher)
            {
                matchers.Add(matcher);
            }
        }

        return matchers;
    }

    private SignalMatcher? Matcher(YamlNode node)
    {
        if (!IsMapping(node, "a matcher ({field|label: NAME, equals|regex|exists|atLeast: VALUE})", out var map))
        {
            return null;
        }

        string? field = null, label = null, value = null;
        MatchOperator? op = null;
        var negate = false;
        foreach (var (key, item) in Entries(map, MatcherKeys))
        {
            switch (key)
            {
                case "field":
                    field = Scalar(item, key);
                    if (field is not null && Array.IndexOf(RuleFields.All, field) < 0)
                    {
                        Error(item, $"unknown field '{field}' (expected one of {string.Join(", ", RuleFields.All)}; use label: for labels)");
                        return null;
                    }

                    break;
                case "label": label = Scalar(item, key); break;
                case "not": negate = Boolean(item, key) ?? false; break;
                case "exists":
                    op = Operator(op, MatchOperator.Exists, item);
                    negate ^= Boolean(item, key) == false;
                    break;
                case "equals":
                    op = Operator(op, MatchOperator.Equals, item);
                    value = Scalar(item, key);
                    break;
                case "atLeast":
                    op = Operator(op, MatchOperator.AtLeast, item);
                    value = Scalar(item, key);
                    if (SeverityParser.Parse(value) == Severity.Unknown)
                    {
                        Error(item, $"'{value}' is not a severity");
                    }

                    break;
                case "regex":
                    op = Operator(op, MatchOperator.Regex, item);
                    value = Scalar(item, key);
                    try
                    {
                        _ = new System.Text.RegularExpressions.Regex(value ?? string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));
                    }
                    catch (ArgumentException ex)
                    {
                        Error(item, $"invalid regex: {ex.Message}");
                        return null;
                    }

                    break;
            }
        }

        if ((field is null) == (label is null))
        {
            Error(node, "a matcher names exactly one of field or label");
            return null;
        }

        if (op is null)
        {
            Error(node, "a matcher needs one of equals, regex, exists, atLeast");
            return null;
        }

        if (op == MatchOperator.AtLeast && field != RuleFields.Severity)
        {
            Error(node, "atLeast applies to field: severity only");
            return null;
        }

        return new SignalMatcher(field, label, op.Value, value, negate);
    }

    private MatchOperator? Operator(MatchOperator? existing, MatchOperator op, YamlNode node)
    {
        if (existing is not null)
        {
            Error(node, "a matcher has one operator (equals, regex, exists or atLeast)");
        }

        return op;
    }

    private Severity? SeverityValue(YamlNode node, Dictionary<Severity, Severity> map)
    {
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var from = SeverityOf(key);
                var to = SeverityOf(value);
                if (from is not null && to is not null)
                {
                    map[from.Value] = to.Value;
                }
            }

            return null;
        }

        return SeverityOf(node);
    }

    private Severity? SeverityOf(YamlNode node)
    {
        var text = Scalar(node, "severity");
        var severity = SeverityParser.Parse(text);
        if (severity == Severity.Unknown && !string.Equals(text, "unknown", StringComparison.OrdinalIgnoreCase))
        {
            Error(node, $"'{text}' is not a severity (debug, info, warning, error, critical)");
            return null;
        }

        return severity;
    }

    private ResolvePolicy? Resolve(YamlNode node) => Scalar(node, "resolve") switch
    {
        "quiet" => ResolvePolicy.Quiet,
        "allResolved" => ResolvePolicy.AllResolved,
        var other => ErrorValue<ResolvePolicy?>(node, $"resolve is quiet or allResolved, not '{other}'", null),
    };

    private string? TitleText(YamlNode node)
    {
        var title = Scalar(node, "title");
        if (title is not null)
        {
            foreach (var unknown in TitleTemplate.UnknownVariables(title))
            {
                Error(node, $"unknown title variable '{unknown}' (known: {string.Join(", ", TitleTemplate.Variables)}, labels.NAME)");
            }
        }

        return title;
    }

    private DayOfWeek? Day(YamlNode node)
    {
        var text = Scalar(node, "days")?.ToLowerInvariant();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            if (text is not null && (text == name || (text.Length >= 3 && name.StartsWith(text, StringComparison.Ordinal))))
            {
                return day;
            }
        }

        return ErrorValue<DayOfWeek?>(node, $"'{text}' is not a day of the week", null);
    }

    private TimeSpan? TimeOfDay(YamlNode node, string key) =>
        TimeSpan.TryParseExact(Scalar(node, key), @"hh\:mm", CultureInfo.InvariantCulture, out var value) && value < TimeSpan.FromDays(1)
            ? value
            : ErrorValue<TimeSpan?>(node, $"{key} is a UTC time of day like 02:30", null);

    private DateTimeOffset? Time(YamlNode node, string key) =>
        DateTimeOffset.TryParse(Scalar(node, key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : ErrorValue<DateTimeOffset?>(node, $"{key} is an RFC 3339 time like 2026-11-27T02:00:00Z", null);

    private TimeSpan? Duration(YamlNode node, string key) =>
        DurationText.TryParse(Scalar(node, key) ?? string.Empty, out var value) && value > TimeSpan.Zero
            ? value
            : ErrorValue<TimeSpan?>(node, $"{key} is a positive duration like 30s, 10m or 1h", null);

    private int? Integer(YamlNode node, string key, int min) =>
        int.TryParse(Scalar(node, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : ErrorValue<int?>(node, $"{key} is an integer >= {min}", null);

    private bool? Boolean(YamlNode node, string key) => Scalar(node, key) switch
    {
        "true" => true,
        "false" => false,
        _ => ErrorValue<bool?>(node, $"{key} is true or false", null),
    };

    private IReadOnlyList<string> Strings(YamlNode node, string key)
    {
        var list = new List<string>();
        foreach (var item in Sequence(node, key))
        {
            if (Scalar(item, key) is { Length: > 0 } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private string? Scalar(YamlNode node, string key) =>
        node is YamlScalarNode scalar ? scalar.Value : ErrorValue<string?>(node, $"{key} must be a single value", null);

    private IEnumerable<YamlNode> Sequence(YamlNode node, string key)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        Error(node, $"{key} must be a list");
        return [];
    }

    private bool IsMapping(YamlNode node, string what, out YamlMappingNode map)
    {
        if (node is YamlMappingNode mapping)
        {
            map = mapping;
            return true;
        }

        Error(node, $"expected {what} as a mapping");
        map = null!;
        return false;
    }

    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, string[] allowed)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(allowed, key) < 0)
            {
                Error(keyNode, $"unknown key '{key}' (expected one of {string.Join(", ", allowed)})");
                continue;
            }

            yield return (key, value);
        }
    }

    private T ErrorValue<T>(YamlNode node, string message, T value)
    {
        Error(node, message);
        return value;
    }

    private void Error(YamlNode node, string message) => _errors.Add(new LintError(_file, Line(node), (int)node.Start.Column, message));

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
