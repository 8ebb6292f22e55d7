using AIOps.Detection.Scoring;

namespace AIOps.Detection.Robust;

/// <summary>
/// Counts another member's raw score only once it has stayed above zero for <c>points</c> consecutive points (the
/// smallest raw of that streak), so a far lower half can be used for persistent excursions without scoring every
/// single-point record.
/// </summary>
internal sealed class SustainedScorer : IRawScorer
{
    private readonly IRawScorer _inner;
    private readonly int _points;
    private int _streak;
    private double _streakMin;

    public SustainedScorer(IRawScorer inner, int points)
    {
        _inner = inner;
        _points = Math.Max(1, points);
    }

    public double Expected => _inner.Expected;

    public double Deviation => _inner.Deviation;

    public double Update(double value, in PointContext context)
    {
        var raw = _inner.Update(value, context);
        if (raw <= 0)
        {
            _streak = 0;
            return 0;
        }

        _streakMin = _streak == 0 ? raw : Math.Min(_streakMin, raw);
        _streak++;
        return _streak >= _points ? _streakMin : 0;
    }
}
