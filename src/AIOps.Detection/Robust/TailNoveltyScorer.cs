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
internal sealed class TailNoveltyScorer : IRawScorer
{
    private readonly TailNoveltySettings _settings;
    private NoveltyRange _range = NoveltyRange.Empty;
    private TailTracker _upper;
    private TailTracker _lower;
    // The highest and lowest values ever seen, in float: "the same value" to 7 digits, for 8 bytes instead of 16.
    private float _highest;
    private float _lowest;
    private bool _fractional; // a non-integer value was seen: the series is not on the integer grid
    // Second-anomaly rule (settings.ShadowTrigger > 0): the value range as it was before the last large excursion.
    private float _shadowMin;
    private float _shadowMax;
    private short _hold; // points left during which the shadow range does not widen
    private int _age; // points seen, saturating once mature

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
            _shadowMin = _shadowMax = (float)value;
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

    private double Shadow(double value, in RangeExcess excess, TailNoveltySettings settings, TimeSpan step)
    {
        var level = _range.Level;
        var width = Math.Max(_shadowMax - _shadowMin, excess.Width);
        var raw = 0.0;
        if (_hold == 0 && excess.Above <= 0 && excess.Below <= 0)
        {
            // Inside the value range: a record only against the range before the last episode.
            if (value > _shadowMax && (_fractional || value > Math.Ceiling(_shadowMax)))
            {
                raw = Combine((value - _shadowMax) / width, _upper, _shadowMax, value);
            }
            else if (value < _shadowMin && (_fractional || value < Math.Floor(_shadowMin)))
            {
                raw = Combine((_shadowMin - value) / width, _lower, -_shadowMin, -value);
            }
        }

        // Mature: at least ShadowMature points and, once the sampling step is known, ShadowDays of data (the range
        // of a younger series has not seen its daily cycle; its records are learning, not episodes).
        var mature = _age >= settings.ShadowMature && (step <= TimeSpan.Zero || _age * step.TotalDays >= settings.ShadowDays);
        if (!mature)
        {
            _age++;
        }
        else if (excess.Raw >= settings.ShadowTrigger)
        {
            _hold = (short)Math.Min(settings.ShadowHold, short.MaxValue);
        }

        // The shadow contracts like the value range; it widens only outside a hold.
        var min = _shadowMin + (settings.Decay * (level - _shadowMin));
        var max = _shadowMax - (settings.Decay * (_shadowMax - level));
        if (_hold > 0)
        {
            _hold--;
        }

        // The end of a hold widens again: where the series sits after the episode is its new normal.
        if (_hold <= settings.ShadowKeep)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        _shadowMin = (float)min;
        _shadowMax = (float)max;
        return raw;
    }

    private double Combine(double rangeRaw, in TailTracker tail, double record, double value)
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
