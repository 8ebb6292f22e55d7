namespace AIOps.Server.Api.Actions;

/// <summary>What people did to one incident, as shown in the console and exported under "operator".</summary>
public sealed record OperatorState(
    string Status,
    OperatorAction? Acknowledged,
    OperatorAction? Resolved,
    OperatorAction? Silence,
    OperatorAction? NoiseMark,
    IReadOnlyList<OperatorAction> Feedback,
    IReadOnlyList<OperatorAction> Actions)
{
    /// <summary>Hidden from the default list: silenced, or marked noise (itself or a similar incident).</summary>
    public bool Suppressed => Silence is not null || NoiseMark is not null;
}
