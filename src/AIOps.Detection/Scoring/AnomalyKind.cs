namespace AIOps.Detection.Scoring;

/// <summary>What kind of trouble a score reports, so the signal can say it in words an operator recognises.</summary>
public enum AnomalyKind
{
    /// <summary>The value moved away from what was expected (the ensemble's verdict).</summary>
    Deviation,

    /// <summary>The value has not changed for longer than it ever held one value (a hung exporter, a stopped flow).</summary>
    Stuck,
}
