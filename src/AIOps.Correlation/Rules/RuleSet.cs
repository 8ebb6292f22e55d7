namespace AIOps.Correlation.Rules;

/// <summary>Everything the rule files declare, in file-name order.</summary>
public sealed class RuleSet
{
    public static readonly RuleSet Empty = new();

    public IReadOnlyList<CorrelationRule> Rules { get; init; } = [];

    public IReadOnlyList<InhibitionRule> Inhibitions { get; init; } = [];

    public IReadOnlyList<Silence> Silences { get; init; } = [];

    public IReadOnlyList<MaintenanceWindow> Maintenance { get; init; } = [];

    /// <summary>The first rule whose matchers all hold, or null.</summary>
    public CorrelationRule? RuleFor(AIOps.Core.Model.Signal signal)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (SignalMatcher.All(Rules[i].Match, signal))
            {
                return Rules[i];
            }
        }

        return null;
    }
}
