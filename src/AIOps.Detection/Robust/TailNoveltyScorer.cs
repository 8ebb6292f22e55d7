using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Range novelty (see <see cref="RangeNoveltyScorer"/>) judged against an extreme-value model of each tail. The
/// range-ratio treats "2% of the range past the record" alike on a smooth series and on a spiky one; the tail model
/// tells them apart: over a high running quantile, the excesses follow a GPD (fitted by moments), and a new record's
/// surprise is -ln P(X &gt; value | X &gt; record) under that fit, in nats. On a spiky series (wide, heavy excesses) a
/// small new record is no surprise; on a smooth one it is. How the two combine is <see cref="TailMode"/>.
/// Per-series state is the range, two 32-byte tail trackers, the all-time extremes as floats and one reference to
/// the shared settings.
/// </summary>
internal class TailNoveltyScorer : IRawScorer
{
    private readonly TailNoveltySettings _settings;
    private protected NoveltyRange _range = NoveltyRange.Empty;
    private protected TailTracker _upper;
    private protected TailTracker _lower;
    // The highest and lowest values ever seen, in float: "the same value" to 7 digits, for 8 bytes instead of 16.
    private float _highest;
    private float _lowest;
    private protected bool _fractional; // a non-integer value was seen: the series is not on the integer grid

    /// <param name="settings">Shared by every series of a factory.</param>
    public TailNoveltyScorer(TailNoveltySettings settings)
    {
        _settings = settings;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        var settings = _settings;
        _fractional |= value != Math.Floor(value);
        if (_range.IsEmpty)
        {
            _range.Start(value);
            _upper = TailTracker.StartAt(value);
            _lower = TailTracker.StartAt(-value);
            _highest = _lowest = (float)value;
            return 0;
        }

        var excess = _range.Measure(value);
        var raw = 0.0;
        Expected = Math.Clamp(value, _range.Min, _range.Max);
        Deviation = excess.Signed;
        // On an integer series an extreme that contracted by less than one unit still stands for the integer it was:
        // reaching that integer again is no record (counts keep returning to 0 and to their usual peak; without this,
        // each return scores as a new extreme once the range has contracted a fraction of a unit past it).
        // Likewise, a value equal to the all-time extreme returns to a bound the series has had (a metric back at its
        // cap): the range only contracted away from it with time.
        var reached = (float)value;
        var knownHigh = settings.ReachedExtremesKnown && reached == _highest;
        var knownLow = settings.ReachedExtremesKnown && reached == _lowest;
        if (excess.Above > 0 && !knownHigh && (_fractional || value > Math.Ceiling(_range.Max)))
        {
            raw = Combine(excess.Above, _upper, _range.Max, value);
        }
        else if (excess.Below > 0 && !knownLow && (_fractional || value < Math.Floor(_range.Min)))
        {
            raw = Combine(excess.Below, _lower, -_range.Min, -value);
        }

        if (settings.ShadowTrigger > 0)
        {
            raw = Math.Max(raw, settings.ShadowWeight * Shadow(value, excess, settings, context.TypicalStep));
        }

        _highest = Math.Max(_highest, reached);
        _lowest = Math.Min(_lowest, reached);

        var step = settings.StepRate * excess.Width;
        _upper.Observe(value, settings.Quantile, step, settings.ExcessRate);
        _lower.Observe(-value, settings.Quantile, step, settings.ExcessRate);
        _range.Learn(value, settings.Decay);
        return raw;
    }

    /// <summary>The second-anomaly rule's score (<see cref="ShadowTailNoveltyScorer"/>); none here.</summary>
    private protected virtual double Shadow(double value, in RangeExcess excess, TailNoveltySettings settings, TimeSpan step) => 0;

    private protected double Combine(double rangeRaw, in TailTracker tail, double record, double value)
    {
        var settings = _settings;
        if (tail.Excesses < settings.MinExcesses)
        {
            return rangeRaw;
        }

        var tailRaw = (settings.Mode == TailMode.MemoryDamp ? tail.SurpriseBeyondMemory(value, settings.ExcessRate) : tail.SurpriseBeyond(record, value)) / settings.NatsPerRange;
        if (double.IsPositiveInfinity(tailRaw))
        {
            // The fit does not describe this value (past a bounded tail's end, or under a lagging threshold).
            return rangeRaw;
        }

        return settings.Mode switch
        {
            TailMode.Replace => tailRaw,
            TailMode.Boost => Math.Max(rangeRaw, tailRaw),
            _ => rangeRaw * Math.Pow(Math.Min(1, tailRaw / rangeRaw), settings.Power),
        };
    }
}
