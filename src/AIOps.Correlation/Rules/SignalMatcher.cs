using System.Text.RegularExpressions;
using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

public enum MatchOperator
{
    Equals,
    Regex,
    Exists,
    AtLeast,
}

/// <summary>
/// One condition on a signal: a field (entity, indicator, kind, severity, detector, summary) or a label,
/// compared by equality, a fully anchored regex, presence, or (severity only) a minimum. <see cref="Negate"/> inverts it.
/// </summary>
public sealed class SignalMatcher
{
    private readonly Regex? _regex;

    public SignalMatcher(string? field, string? label, MatchOperator op, string? value, bool negate = false)
    {
        Field = field;
        Label = label;
        Operator = op;
        Value = value;
        Negate = negate;
        if (op == MatchOperator.Regex && value is not null)
        {
            // Anchored like Alertmanager's matchers: "Kube.*" must match the whole value.
            _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
    }

    public string? Field { get; }

    public string? Label { get; }

    public MatchOperator Operator { get; }

    public string? Value { get; }

    public bool Negate { get; }

    public static SignalMatcher LabelEquals(string label, string value) => new(null, label, MatchOperator.Equals, value);

    public static SignalMatcher FieldEquals(string field, string value) => new(field, null, MatchOperator.Equals, value);

    public static bool All(IReadOnlyList<SignalMatcher> matchers, Signal signal)
    {
        for (var i = 0; i < matchers.Count; i++)
        {
            if (!matchers[i].Matches(signal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Matches(Signal signal)
    {
        var actual = Label is not null ? signal.Labels.Get(Label) : FieldValue(signal, Field!);
        var result = Operator switch
        {
            MatchOperator.Exists => !string.IsNullOrEmpty(actual),
            MatchOperator.Equals => actual is not null && string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
            MatchOperator.Regex => actual is not null && _regex!.IsMatch(actual),
            MatchOperator.AtLeast => signal.Severity >= SeverityParser.Parse(Value),
            _ => false,
        };
        return result != Negate;
    }

    public override string ToString() =>
        $"{Label ?? Field}{(Negate ? " not" : string.Empty)} {Operator.ToString().ToLowerInvariant()} {Value}".TrimEnd();

    internal static string? FieldValue(Signal signal, string field) => field switch
    {
        RuleFields.Entity => signal.Entity,
        RuleFields.Indicator => signal.Indicator,
        RuleFields.Kind => KindName(signal.Kind),
        RuleFields.Severity => SeverityName(signal.Severity),
        RuleFields.Detector => signal.Detector,
        RuleFields.Summary => signal.Summary,
        _ => null,
    };

    internal static string KindName(SignalKind kind) => kind switch
    {
        SignalKind.Anomaly => "anomaly",
        SignalKind.Alert => "alert",
        SignalKind.Change => "change",
        _ => "novelty",
    };

    internal static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();
}
