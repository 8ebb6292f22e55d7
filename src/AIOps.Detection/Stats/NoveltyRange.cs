namespace AIOps.Detection.Stats;

/// <summary>
/// The range a novelty scorer has seen: min and max that slowly contract toward a slow EW level (rate 0.01), so one
/// old excursion does not blind the scorer forever. A struct with no point counter (an empty range, min &gt; max,
/// marks "no value yet") so the scorers that embed it stay small. Call <see cref="Measure"/> then <see cref="Learn"/>.
/// </summary>
internal struct NoveltyRange
{
    private double _min;
    private double _max;
    private double _level;

    /// <summary>A range that has seen nothing (the default value is a zero-width range at 0, not empty).</summary>
    public static NoveltyRange Empty => new() { _min = double.PositiveInfinity, _max = double.NegativeInfinity };

    public readonly bool IsEmpty => _min > _max;

    public readonly double Min => _min;

    public readonly double Max => _max;

    /// <summary>The slow level the range contracts toward.</summary>
    public readonly double Level => _level;

    /// <summary>Makes <paramref name="value"/> the whole range and the level (the first value of a series).</summary>
    public void Start(double value)
    {
        _level = value;
        _min = value;
        _max = value;
    }

    /// <summary>
    /// Moves the level toward <paramref name="value"/> and measures the value against the range so far (not yet
    /// including it); the range's width has a floor from the level's magnitude so a constant series has a scale.
    /// </summary>
    public RangeExcess Measure(double value)
    {
        _level += 0.01 * (value - _level);
        var width = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        return new RangeExcess((value - _max) / width, (_min - value) / width, width);
    }

    /// <summary>The raw novelty of <paramref name="value"/> (<see cref="RangeExcess.Raw"/>), then learns it; the first value starts the range and scores 0.</summary>
    public double Score(double value, double decay)
    {
        if (IsEmpty)
        {
            Start(value);
            return 0;
        }

        var raw = Measure(value).Raw;
        Learn(value, decay);
        return raw;
    }

    /// <summary>Contracts the range toward the level by <paramref name="decay"/> and widens it to include <paramref name="value"/>.</summary>
    public void Learn(double value, double decay)
    {
        _min = Math.Min(_min + (decay * (_level - _min)), value);
        _max = Math.Max(_max - (decay * (_max - _level)), value);
    }
}
