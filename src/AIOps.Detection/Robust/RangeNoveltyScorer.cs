using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Novel extremes: how far the value lies outside the range seen so far, in units of that range. Operational
/// incidents very often push a metric where it has never been. The range slowly contracts toward the recent level
/// (<c>decay</c> per point) so one old excursion does not blind it forever (see <see cref="NoveltyRange"/>).
/// </summary>
internal sealed class RangeNoveltyScorer : IRawScorer
{
    private readonly double _decay;
    private NoveltyRange _range = NoveltyRange.Empty;

    public RangeNoveltyScorer(double decay = 1e-4)
    {
        _decay = decay;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        if (_range.IsEmpty)
        {
            _range.Start(value);
            return 0;
        }

        var excess = _range.Measure(value);
        Expected = Math.Clamp(value, _range.Min, _range.Max);
        Deviation = excess.Signed;
        _range.Learn(value, _decay);
        return excess.Raw;
    }
}
