using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

/// <summary>
/// How the signals a rule matches are grouped and how their incidents live. The first rule (by file name,
/// then order in the file) whose matchers all hold applies; unset settings fall back to the correlator options.
/// </summary>
public sealed class CorrelationRule
{
    public required string Name { get; init; }

    public IReadOnlyList<SignalMatcher> Match { get; init; } = [];

    /// <summary>Signals of this rule with equal values for these labels belong to one incident.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    public TimeSpan? Window { get; init; }

    /// <summary>Distinct conditions (fingerprints) of one group seen within the window before an incident opens.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>
    /// A held condition still signalled this long after its onset opens the incident without reaching
    /// <see cref="MinCount"/> (a lasting anomaly is corroborated by time; anomaly signals carry their run's onset).
    /// </summary>
    public TimeSpan? Persist { get; init; }

    /// <summary>Held conditions count toward <see cref="MinCount"/> only when seen within this of each other (defaults to the window).</summary>
    public TimeSpan? CorroborationWindow { get; init; }

    /// <summary>Replaces the signal's severity (input severity -> severity), applied before <see cref="SetSeverity"/>.</summary>
    public IReadOnlyDictionary<Severity, Severity> SeverityMap { get; init; } = new Dictionary<Severity, Severity>();

    public Severity? SetSeverity { get; init; }

    public ResolvePolicy? Resolve { get; init; }

    public TimeSpan? QuietPeriod { get; init; }

    /// <summary>Title of incidents this rule opens: <c>{{entity}} {{indicator}} {{severity}} {{kind}} {{summary}} {{rule}} {{labels.NAME}}</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Signals matched by a rule with <c>drop: true</c> are ignored (known noise).</summary>
    public bool Drop { get; init; }

    public string Source { get; init; } = string.Empty;

    public int Line { get; init; }

    public Severity MapSeverity(Severity severity)
    {
        if (SeverityMap.TryGetValue(severity, out var mapped))
        {
            severity = mapped;
        }

        return SetSeverity ?? severity;
    }
}
