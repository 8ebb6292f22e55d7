using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Novelty at a coarser resolution: over non-overlapping blocks of <c>block</c> points, a block whose maximum is
/// lower than every earlier block's maximum (the usual peaks are missing: a calm or depressed stretch) or whose minimum
/// is higher than every earlier block's minimum (a raised floor), in units of the value's range. Scored once, at
/// the block's last point, after <c>warmBlocks</c> blocks.
/// </summary>
internal sealed class BlockNoveltyScorer : IRawScorer
{
    private readonly int _block;
    private readonly int _warmBlocks;
    private double _blockMin = double.PositiveInfinity;
    private double _blockMax = double.NegativeInfinity;
    private double _lowestMax = double.PositiveInfinity;
    private double _highestMin = double.NegativeInfinity;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private int _inBlock;
    private int _blocks;

    public BlockNoveltyScorer(int block = 288, int warmBlocks = 5)
    {
        _block = Math.Max(2, block);
        _warmBlocks = warmBlocks;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _blockMin = Math.Min(_blockMin, value);
        _blockMax = Math.Max(_blockMax, value);
        if (++_inBlock < _block)
        {
            return 0;
        }

        var raw = 0.0;
        var range = Math.Max(_max - _min, ScaleFloor.For(value));
        if (_blocks >= _warmBlocks && _max >= _min)
        {
            var lowMax = (_lowestMax - _blockMax) / range;
            var highMin = (_blockMin - _highestMin) / range;
            raw = Math.Max(0, Math.Max(lowMax, highMin));
            Expected = lowMax >= highMin ? _lowestMax : _highestMin;
            Deviation = lowMax >= highMin ? -lowMax : highMin;
        }

        _lowestMax = Math.Min(_lowestMax, _blockMax);
        _highestMin = Math.Max(_highestMin, _blockMin);
        _min = Math.Min(_min, _blockMin);
        _max = Math.Max(_max, _blockMax);
        _blocks++;
        _inBlock = 0;
        _blockMin = double.PositiveInfinity;
        _blockMax = double.NegativeInfinity;
        return raw;
    }
}
