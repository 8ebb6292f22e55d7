namespace AIOps.Detection.Stats;

/// <summary>
/// Tracks the typical sampling interval (EW over log-steps, so a few gaps do not move it) and reports how many
/// typical steps the latest gap spanned; detectors use it to relax after gaps instead of scoring the jump.
/// </summary>
internal struct StepTracker
{
    private long _lastTicks;
    private double _logStep;
    private int _seen;

    /// <summary>Returns the latest gap in typical steps (1 for regular data; 1 for the first points).</summary>
    public double Observe(DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks;
        var gapSteps = 1.0;
        if (_seen > 0)
        {
            var delta = ticks - _lastTicks;
            if (delta > 0)
            {
                var logDelta = Math.Log(delta);
                if (_seen >= 3)
                {
                    gapSteps = Math.Exp(logDelta - _logStep);
                    _logStep += 0.05 * (logDelta - _logStep);
                }
                else
                {
                    _logStep = _seen == 1 ? logDelta : 0.5 * (_logStep + logDelta);
                }
            }
        }

        _lastTicks = Math.Max(_lastTicks, ticks);
        _seen++;
        return gapSteps;
    }

    /// <summary>Typical step, or TimeSpan.Zero before two points were seen.</summary>
    public readonly TimeSpan TypicalStep => _seen >= 2 ? TimeSpan.FromTicks((long)Math.Exp(_logStep)) : TimeSpan.Zero;
}
