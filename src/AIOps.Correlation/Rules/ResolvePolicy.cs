namespace AIOps.Correlation.Rules;

/// <summary>When an incident resolves.</summary>
public enum ResolvePolicy
{
    /// <summary>After the quiet period with no new firing signal.</summary>
    Quiet,

    /// <summary>As soon as every member alert has resolved; without alerts (or if they keep firing) after the quiet period.</summary>
    AllResolved,
}
