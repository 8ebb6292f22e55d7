using AIOps.Detection.Rules;

namespace AIOps.Detection.Stage;

/// <summary>
/// Turns a cumulative counter into its per-second rate, as PromQL's rate() does: the increase since the previous
/// sample over the time between them, a drop read as a reset (the process restarted and counts from zero again).
/// Under <see cref="CounterMode.Auto"/> a series with an ambiguous name is watched for <see cref="DecideAfter"/>
/// points first and then treated as a counter only if it never went down more than once (a restart); nothing is
/// scored meanwhile. One per series, a handful of fields, nothing allocated per point.
/// </summary>
internal sealed class CounterRate
{
    /// <summary>Points an ambiguous series is watched before it is judged a counter or a gauge.</summary>
    public const int DecideAfter = 10;

    private Kind _kind;
    private double _last = double.NaN;
    private DateTimeOffset _lastTime;
    private int _seen;
    private int _drops;
    private double _seconds;

    private CounterRate(Kind kind) => _kind = kind;

    private enum Kind
    {
        Gauge,
        Counter,
        Undecided,
    }

    /// <summary>True once the series is known to be a counter (its points are rates).</summary>
    public bool IsCounter => _kind == Kind.Counter;

    /// <summary>The tracker for a series, or null for a plain gauge (nothing to do per point).</summary>
    public static CounterRate? For(string metricName, CounterMode mode) => mode switch
    {
        CounterMode.Counter => new CounterRate(Kind.Counter),
        CounterMode.Gauge => null,
        _ when metricName.EndsWith("_total", StringComparison.Ordinal) => new CounterRate(Kind.Counter),
        _ when metricName.EndsWith("_count", StringComparison.Ordinal) || metricName.EndsWith("_sum", StringComparison.Ordinal) || metricName.EndsWith("_bucket", StringComparison.Ordinal)
            => new CounterRate(Kind.Undecided),
        _ => null,
    };

    /// <summary>The value to score for this sample, or false when there is none yet (first sample, still deciding, time not moving on).</summary>
    public bool TryNext(DateTimeOffset timestamp, double value, out double scored)
    {
        scored = value;
        var previous = _last;
        var previousTime = _lastTime;
        if (double.IsNaN(previous) || timestamp > previousTime)
        {
            _last = value;
            _lastTime = timestamp;
        }

        if (_kind == Kind.Undecided)
        {
            _drops += !double.IsNaN(previous) && value < previous ? 1 : 0;
            if (++_seen < DecideAfter)
            {
                return false;
            }

            _kind = _drops <= 1 ? Kind.Counter : Kind.Gauge;
            return false;
        }

        if (_kind == Kind.Gauge)
        {
            return true;
        }

        var seconds = (timestamp - previousTime).TotalSeconds;
        if (double.IsNaN(previous) || seconds <= 0)
        {
            return false;
        }

        _seconds = seconds;
        scored = (value >= previous ? value - previous : value) / seconds;
        return true;
    }

    /// <summary>Seconds the latest rate was taken over: rate x seconds is the count of events behind it.</summary>
    public double Seconds => _seconds;

    /// <summary>Whether the latest rate differs from <paramref name="expected"/> by more than counting noise (<see cref="CountingNoise"/>).</summary>
    public bool Significant(double rate, double expected) =>
        _seconds <= 0 || CountingNoise.Exceeded(rate * _seconds, expected * _seconds);
}
