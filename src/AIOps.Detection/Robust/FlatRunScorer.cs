using AIOps.Detection.Scoring;

namespace AIOps.Detection.Robust;

/// <summary>
/// A metric stuck at one value for longer than it has ever held any value (a hung exporter, a dead sensor, traffic
/// that stopped). Range novelty cannot see this, because the value itself is familiar. The run is signalled once,
/// at the point where it first exceeds the longest earlier run by <see cref="Margin"/> (and is at least
/// <see cref="MinRun"/> points long): raw = 1 there, 0 everywhere else. A single step rather than a score growing
/// with the run, because the ensemble's refractory starts at its alarm level, below the operating threshold: a slowly
/// rising score would be damped before it ever crossed the threshold, and later points of the same run would only
/// add false positives. Fixed constants keep the per-series state at 32 bytes (NAB scores did not move for a minimum
/// of 5-40 points or a margin of 0-20%).
/// </summary>
internal sealed class FlatRunScorer : IRawScorer
{
    /// <summary>Runs shorter than this never score (a few repeats are ordinary for coarse metrics).</summary>
    public const int MinRun = 10;

    /// <summary>How far (fraction of the longest earlier run) a run must exceed it to be signalled.</summary>
    public const double Margin = 0.1;

    private double _value;
    private int _run;
    private int _longest;

    public double Expected => _run > 0 ? _value : double.NaN;

    /// <summary>How far the current run exceeds the longest earlier one, in units of that run.</summary>
    public double Deviation => _run > _longest ? (_run - _longest) / (double)Math.Max(_longest, 1) : 0;

    /// <summary>Whether the series has changed value at least once (a series constant from its start is not stuck, it is constant).</summary>
    public bool HasChanged => _longest > 0;

    public double Update(double value, in PointContext context)
    {
        if (_run > 0 && value.Equals(_value))
        {
            _run = _run < int.MaxValue ? _run + 1 : _run;
        }
        else
        {
            _longest = Math.Max(_longest, _run);
            _run = 1;
            _value = value;
        }

        // The run grows by one per point, so it equals its signal length at exactly one point: no flag needed.
        var signalAt = Math.Max(MinRun, (int)Math.Min(int.MaxValue - 1, Math.Floor(_longest * (1 + Margin))) + 1);
        return _run == signalAt ? 1 : 0;
    }
}
