namespace AIOps.Correlation.Rules;

/// <summary>The signal fields a matcher can name with <c>field:</c>.</summary>
public static class RuleFields
{
    public const string Entity = "entity";
    public const string Indicator = "indicator";
    public const string Kind = "kind";
    public const string Severity = "severity";
    public const string Detector = "detector";
    public const string Summary = "summary";

    public static readonly string[] All = [Entity, Indicator, Kind, Severity, Detector, Summary];
}
