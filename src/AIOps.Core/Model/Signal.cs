namespace AIOps.Core.Model;

public enum SignalKind
{
    /// <summary>A detector found a series out of its normal range.</summary>
    Anomaly,

    /// <summary>An alert from another monitoring tool.</summary>
    Alert,

    /// <summary>A change (deploy, config, scaling): evidence for root cause, never an incident on its own.</summary>
    Change,

    /// <summary>Something never seen before (a new log template).</summary>
    Novelty,
}

public enum Direction
{
    Up,
    Down,
    None,
}

/// <summary>An anomaly or a normalized alert on one entity. The hand-off from detection to correlation.</summary>
public sealed record Signal
{
    /// <summary>Stable id: the same input replayed yields the same id.</summary>
    public required string Id { get; init; }

    public required SignalKind Kind { get; init; }

    public required string Entity { get; init; }

    /// <summary>What shows it: a metric name, a log template, an alert name, a call edge.</summary>
    public required string Indicator { get; init; }

    public required string Detector { get; init; }

    /// <summary>Calibrated anomaly score in [0,1].</summary>
    public required double Score { get; init; }

    public Direction Direction { get; init; } = Direction.None;

    public double Observed { get; init; }

    public double Expected { get; init; }

    /// <summary>Robust deviation of the observed value from the expected one (in scale units, e.g. MADs).</summary>
    public double Deviation { get; init; }

    /// <summary>When the anomaly started (event time).</summary>
    public required DateTimeOffset Onset { get; init; }

    /// <summary>The event time of the observation that raised it.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public Severity Severity { get; init; } = Severity.Warning;

    /// <summary>Dedup key: two signals with the same fingerprint are the same condition.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>For alerts: resolved means the condition cleared.</summary>
    public bool Resolved { get; init; }

    public string? Summary { get; init; }

    public LabelSet Labels { get; init; } = LabelSet.Empty;
}
