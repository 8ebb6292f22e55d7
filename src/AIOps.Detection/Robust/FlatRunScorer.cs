using AIOps.Detection.Scoring;

namespace AIOps.Detection.Robust;

/// <summary>
/// A metric stuck at one value for longer than it has ever held any value (a hung exporter, a dead sensor, traffic
/// that stopped). Range novelty cannot see this, because the value itself is familiar. The run is signalled once,
/// at the point where it first exceeds the longest earlier run by <c>margin</c> (and is at least <c>minRun</c>
/// long): raw = 1 there, 0 everywhere else. A single step rather than a score growing with the run, because the
/// ensemble's refractory starts at its alarm level, below the operating threshold: a slowly rising score would be
/// damped before it ever crossed the threshold, and later points of the same run would only add false positives.
/// </summary>
internal sealed class FlatRunScorer : IRawScorer
{
    private readonly int _minRun;
    private readonly double _margin;
    private double _value;
    private long _run;
    private long _longest;
    private bool _signalled;

    /// <param name="minRun">Runs shorter than this never score (a few repeats are ordinary for coarse metrics).</param>
    /// <param name="margin">How far (fraction of the longest earlier run) the run must exceed it.</param>
    public FlatRunScorer(int minRun = 10, double margin = 0.1)
    {
        _minRun = Math.Max(2, minRun);
        _margin = Math.Max(0, margin);
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        if (_run > 0 && value.Equals(_value))
        {
            _run++;
        }
        else
        {
            _longest = Math.Max(_longest, _run);
            _run = 1;
            _value = value;
            _signalled = false;
        }

        Expected = value;
        Deviation = 0;
        if (_signalled || _run < _minRun || _run <= _longest * (1 + _margin))
        {
            return 0;
        }

        _signalled = true;
        Deviation = (_run - _longest) / (double)Math.Max(_longest, 1);
        return 1;
    }
}
