using AIOps.Core.Model;
using AIOps.Core.Topology;

namespace AIOps.RootCause.Series;

/// <summary>
/// Ranks the entities of a frame as causes of the change at its onset. Per series: a robust shift (the after-onset
/// deviation from the before-onset median, in units of the before-onset IQR, as BARO does, with two floors on the
/// spread: a share of the level and the series' own sample-to-sample noise) and its own change point. Per entity: its
/// most shifted series is the indicator. The entity score is
/// <c>(ShiftWeight * S + TopologyWeight * T + OnsetWeight * E) / (sum of the weights in use)</c> where
/// S = log(1 + z) / log(1 + z_max) (log because z spans orders of magnitude between metric kinds),
/// T = the <see cref="CallGraphWalk"/> visit share (only with a call graph), and
/// E = exp(-(onset - earliest onset) / decay) for entities with a strong change point, else 0.
/// </summary>
public sealed class SeriesRootCauseAnalyzer
{
    private readonly SeriesRcaOptions _options;

    public SeriesRootCauseAnalyzer(SeriesRcaOptions? options = null) => _options = options ?? new SeriesRcaOptions();

    public SeriesRcaOptions Options => _options;

    /// <summary>
    /// Ranks the entities. <paramref name="onset"/> is the known start of the incident (e.g. a fault injection or the
    /// first alert); without it the onset is detected (<see cref="OnsetDetector"/>). <paramref name="topology"/> is the
    /// call graph (caller to callee), optional.
    /// </summary>
    public SeriesRcaResult Analyze(SeriesFrame frame, DependencyGraph? topology = null, DateTimeOffset? onset = null)
    {
        ChangePoint[] changes;
        int onsetRow;
        if (onset is { } known)
        {
            onsetRow = frame.RowAtOrAfter((known - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond);
            changes = new ChangePoint[frame.Columns.Count];
            for (var c = 0; c < changes.Length; c++)
            {
                changes[c] = ChangePointScanner.Scan(frame.Columns[c].Values, _options.MinSegment);
            }
        }
        else
        {
            var detected = OnsetDetector.Detect(frame, _options);
            onsetRow = detected.Row;
            changes = [.. detected.PerSeries];
        }

        if (onsetRow <= 0 || onsetRow >= frame.Length)
        {
            // No baseline before the onset, or nothing after it: nothing can be ranked.
            return new SeriesRcaResult(onset, []);
        }

        var shifts = new List<SeriesShift>(frame.Columns.Count);
        for (var c = 0; c < frame.Columns.Count; c++)
        {
            if (Shift(frame.Columns[c].Values, onsetRow, c, changes[c]) is { } shift)
            {
                shifts.Add(shift);
            }
        }

        var entities = BestPerEntity(frame, shifts);
        var ranked = new EntityScorer(_options, frame, onsetRow).Score(entities, topology);
        return new SeriesRcaResult(frame.TimeAt(onsetRow), ranked);
    }

    private SeriesShift? Shift(double[] values, int onsetRow, int column, ChangePoint change)
    {
        var before = RobustStats.SortedFinite(values.AsSpan(0, onsetRow));
        var after = RobustStats.SortedFinite(values.AsSpan(onsetRow));
        if (before.Length < _options.MinSegment || after.Length == 0)
        {
            return null;
        }

        var median = RobustStats.Quantile(before, 0.5);
        var iqr = RobustStats.Quantile(before, 0.75) - RobustStats.Quantile(before, 0.25);
        // The level's scale is capped at the series' range over the frame: a gauge pinned near a bound (availability
        // at 100%) has a level far larger than anything it ever moves by, and 5% of 100 would hide a drop to 97.
        var range = Math.Max(before[^1], after[^1]) - Math.Min(before[0], after[0]);
        var level = Math.Min(Math.Abs(median), range);
        var scale = Math.Max(iqr, Math.Max(_options.RelativeScaleFloor * level, 1e-9));
        if (_options.NoiseFloorFactor > 0)
        {
            scale = Math.Max(scale, _options.NoiseFloorFactor * ChangePointScanner.NoiseScale(Finite(values)));
        }

        var deviations = new double[after.Length];
        for (var i = 0; i < after.Length; i++)
        {
            deviations[i] = Math.Abs(after[i] - median);
        }

        Array.Sort(deviations);
        var z = RobustStats.Quantile(deviations, _options.ShiftQuantile) / scale;
        return new SeriesShift(column, z, median, RobustStats.Quantile(after, 0.5), change);
    }

    private static double[] Finite(double[] values) => Array.FindAll(values, double.IsFinite);

    /// <summary>Per entity: its most shifted series, and the earliest strong change point among its shifted series.</summary>
    private List<EntityShift> BestPerEntity(SeriesFrame frame, List<SeriesShift> shifts)
    {
        var best = new Dictionary<string, EntityShift>(StringComparer.Ordinal);
        foreach (var shift in shifts)
        {
            var entity = frame.Columns[shift.Column].Entity;
            var strong = shift.Z >= _options.ShiftThreshold && shift.Change.Found && shift.Change.Strength >= _options.OnsetStrength;
            var row = strong ? shift.Change.Row : -1;
            if (!best.TryGetValue(entity, out var current))
            {
                best[entity] = new EntityShift(entity, shift, row);
                continue;
            }

            var earliest = current.OnsetRow < 0 ? row : row < 0 ? current.OnsetRow : Math.Min(row, current.OnsetRow);
            best[entity] = new EntityShift(entity, shift.Z > current.Best.Z ? shift : current.Best, earliest);
        }

        return [.. best.Values];
    }
}
