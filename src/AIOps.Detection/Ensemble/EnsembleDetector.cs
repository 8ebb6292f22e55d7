using AIOps.Detection.Calibration;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Ensemble;

/// <summary>
/// Runs several raw scorers on one series, calibrates each with its own anomaly likelihood, and reports the
/// strongest calibrated score. Non-finite values are skipped (they score 0 and leave the state untouched).
/// After an alarm the score is damped for a refractory period so one episode raises one signal.
/// </summary>
internal sealed class EnsembleDetector : ISeriesDetector
{
    private readonly IRawScorer[] _members;
    private readonly AnomalyLikelihood[] _calibrators;
    private readonly CalibrationSettings[] _settings;
    private readonly EnsembleOptions _options;
    private StepTracker _steps;
    // ushort, saturating: only compared with MinPoints (and _sinceAlarm with the refractory and episode lengths).
    private ushort _count;
    // Saturating; ushort.MaxValue means no alarm in the last 65,535 points (or never).
    private ushort _sinceAlarm = ushort.MaxValue;
    // Points since each member's last record (raw > 0), 8 bits per member (saturating at 255), first 4 members; with
    // the two ushort counters above it takes the 8 bytes the two int counters took before the episode rule.
    private uint _sinceRecord = uint.MaxValue;

    /// <param name="settings">One per member; shared across series.</param>
    public EnsembleDetector(IRawScorer[] members, CalibrationSettings[] settings, EnsembleOptions options)
    {
        _members = members;
        // Range-ratio members need no per-series calibration state; only allocate it when a member uses the likelihood.
        _calibrators = Array.Exists(settings, s => s.RangeHalf <= 0) ? new AnomalyLikelihood[members.Length] : [];
        _settings = settings;
        _options = options;
    }

    public AnomalyScore Update(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value))
        {
            return AnomalyScore.None;
        }

        var context = new PointContext(_steps.Observe(timestamp), _steps.TypicalStep);
        _count = _count < ushort.MaxValue ? (ushort)(_count + 1) : _count;
        var best = 0.0;
        var bestMember = 0;
        for (var m = 0; m < _members.Length; m++)
        {
            var raw = _members[m].Update(value, context);
            var settings = _settings[m];
            if (m < 4)
            {
                raw = Episode(m, raw, settings);
            }

            var calibrated = settings.RangeHalf > 0 ? settings.RangeRatio(raw) : _calibrators[m].Update(raw, settings);
            if (calibrated > best)
            {
                best = calibrated;
                bestMember = m;
            }
        }

        if (_count <= _options.MinPoints)
        {
            best = 0;
        }

        _sinceAlarm = _sinceAlarm < ushort.MaxValue ? (ushort)(_sinceAlarm + 1) : _sinceAlarm;
        var oddsScale = _options.OutputOddsScale;
        if (_sinceAlarm < ushort.MaxValue && _sinceAlarm <= _options.RefractoryPoints)
        {
            if (_options.RefractoryOnOdds)
            {
                oddsScale *= _options.RefractoryFactor;
            }
            else
            {
                best *= _options.RefractoryFactor;
            }
        }

        if (oddsScale != 1.0 && best > 0)
        {
            var odds = best < 1 ? best / (1 - best) * oddsScale : double.PositiveInfinity;
            best = double.IsPositiveInfinity(odds) ? 1.0 : odds / (1 + odds);
        }

        // The alarm is judged on the output, so "an episode already signalled" means a score the engine acted on.
        if (best >= _options.AlarmLevel)
        {
            _sinceAlarm = 0;
        }

        var lead = _members[bestMember];
        return new AnomalyScore(best, lead.Expected, lead.Deviation);
    }

    // One episode, one signal per member: once the episode has been signalled (an alarm within the last EpisodeGap
    // points), a record close after the member's previous record keeps only what it adds beyond EpisodeMargin odds.
    // Tracks the gap since each member's last record either way.
    private double Episode(int m, double raw, CalibrationSettings settings)
    {
        var shift = m * 8;
        var since = (int)((_sinceRecord >> shift) & 0xFF);
        var gap = _options.EpisodeGap;
        var next = raw > 0 ? 0 : Math.Min(since + 1, 255);
        _sinceRecord = (_sinceRecord & ~(0xFFu << shift)) | ((uint)next << shift);
        if (raw > 0 && gap > 0 && since < gap && _sinceAlarm < gap && settings.RangeHalf > 0)
        {
            raw = Math.Max(0, raw - (_options.EpisodeMargin * settings.RangeHalf));
        }

        return raw;
    }
}
