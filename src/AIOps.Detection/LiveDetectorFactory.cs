using AIOps.Detection.Robust;
using AIOps.Detection.Scoring;

namespace AIOps.Detection;

/// <summary>
/// The engine's live detector for every metric series. The NAB-tuned ensemble (<see cref="DefaultDetectorFactory"/>
/// without its flat-run member, see <see cref="DetectorCatalog.LiveBaseName"/>) says whether a value is novel for this
/// series; a robust median/IQR baseline says whether it is large against the series' own noise. A live signal needs
/// both: novelty alone fires on every new record of a young series (right for NAB's scoring of one series' anomaly
/// windows, noise for an operator watching thousands), and a z-score alone fires on heavy-tailed metrics. `aiops detect` and the NAB harness use the ungated ensemble.
/// </summary>
public sealed class LiveDetectorFactory : ISeriesDetectorFactory
{
    /// <summary>Robust deviation at which the size gate is half open (1 - e^{-ln2 (|z|/g)^2}).</summary>
    public const double GateDeviation = 4.0;

    private const int BaselineWindow = 128;
    private const int BaselineMinPoints = 20;

    private readonly ISeriesDetectorFactory _novelty;

    public LiveDetectorFactory()
        : this(string.Empty)
    {
    }

    /// <param name="defaultOverrides">Parameters over the default ensemble's (e.g. a season hint from detection.yaml).</param>
    /// <param name="watchStuck">Also signal a value held longer than the series ever held one (`stuck: true` in
    /// detection.yaml): opt-in, because on many metrics a long unchanged stretch is good news (zero errors).</param>
    public LiveDetectorFactory(string defaultOverrides, bool watchStuck = false)
        : this(DetectorCatalog.TryCreate(DetectorCatalog.LiveBaseName + "?" + defaultOverrides, out var factory)
            ? factory
            : throw new ArgumentException($"invalid default-detector overrides '{defaultOverrides}'", nameof(defaultOverrides)))
    {
        WatchStuck = watchStuck;
    }

    /// <summary>Gates another novelty detector (the accuracy harness tries variants of the default this way).</summary>
    internal LiveDetectorFactory(ISeriesDetectorFactory novelty)
    {
        _novelty = novelty;
    }

    /// <summary>Score of a stuck value: one signal when the run first outlasts every earlier one.</summary>
    public const double StuckScore = 0.9;

    public bool WatchStuck { get; }

    public ISeriesDetector Create(string metricName) =>
        new LiveDetector(_novelty.Create(metricName), new RobustWindowScorer(BaselineWindow, BaselineMinPoints), WatchStuck ? new FlatRunScorer() : null);

    // The stuck watch is beside the ensemble, not in it: the size gate would block it (a stuck value sits at the
    // median), and as an ensemble member its alarm would start the refractory and hide the next real excursion.
    private sealed class LiveDetector(ISeriesDetector novelty, RobustWindowScorer baseline, FlatRunScorer? stuck) : ISeriesDetector
    {
        public AnomalyScore Update(DateTimeOffset timestamp, double value)
        {
            if (!double.IsFinite(value))
            {
                return AnomalyScore.None;
            }

            var novel = novelty.Update(timestamp, value);
            baseline.Update(value, default);
            if (stuck is not null && stuck.Update(value, default) > 0 && stuck.HasChanged && !double.IsNaN(baseline.Expected))
            {
                return new AnomalyScore(StuckScore, value, stuck.Deviation, AnomalyKind.Stuck);
            }

            if (double.IsNaN(baseline.Expected))
            {
                return AnomalyScore.None; // warming up: no baseline to be large against yet
            }

            var ratio = baseline.Deviation / GateDeviation;
            var gate = 1.0 - Math.Exp(-Math.Log(2) * ratio * ratio);
            return new AnomalyScore(Math.Min(novel.Score, gate), baseline.Expected, baseline.Deviation);
        }
    }
}
