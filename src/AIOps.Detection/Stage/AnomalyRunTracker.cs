using AIOps.Core.Model;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Stage;

/// <summary>
/// Turns a stream of per-point scores into anomaly runs: a signal when a run starts, then at most once
/// per repeat interval while it lasts (so the incident it belongs to stays alive), with the run's onset.
/// </summary>
internal sealed class AnomalyRunTracker(DetectionOptions options)
{
    public Signal? Track(SeriesState state, AnomalyScore score, string entity, string indicator, SeriesIdentity id, DateTimeOffset timestamp, double value)
    {
        var policy = state.Policy;
        var effective = policy.Allows(value, score.Expected) ? score.Score : 0;
        if (effective < policy.Threshold)
        {
            if (state.InAnomaly && ++state.CalmPoints >= options.CalmPointsToEnd)
            {
                state.InAnomaly = false;
            }

            return null;
        }

        state.CalmPoints = 0;
        if (!state.InAnomaly)
        {
            state.InAnomaly = true;
            state.Signalled = false;
            state.Onset = timestamp;
            state.PeakScore = 0;
        }

        if (score.Kind != AnomalyKind.Stuck && timestamp - state.Onset < policy.MinDuration)
        {
            return null; // not long enough yet; the onset stays where the run began (a stuck value has lasted by definition)
        }

        if (state.Signalled && timestamp - state.LastSignalled < options.RepeatInterval && score.Score <= state.PeakScore)
        {
            return null;
        }

        state.Signalled = true;
        state.LastSignalled = timestamp;
        state.PeakScore = Math.Max(state.PeakScore, score.Score);
        var direction = double.IsNaN(score.Expected) || score.Kind == AnomalyKind.Stuck ? Direction.None : value >= score.Expected ? Direction.Up : Direction.Down;
        return new Signal
        {
            // Onset and observation time: a repeat of an ongoing anomaly is a new signal (it keeps the incident
            // alive), while the same observation replayed is the same signal (idempotent).
            Id = $"sig-{StableHash.Hex(StableHash.Combine(StableHash.Combine(id.Hash, (ulong)state.Onset.UtcTicks), (ulong)timestamp.UtcTicks))}",
            Kind = SignalKind.Anomaly,
            Entity = entity,
            Indicator = indicator,
            Detector = policy.DetectorName,
            Score = score.Score,
            Direction = direction,
            Observed = value,
            Expected = score.Expected,
            Deviation = score.Deviation,
            Onset = state.Onset,
            Timestamp = timestamp,
            Severity = score.Score >= 0.95 ? Severity.Error : Severity.Warning,
            Fingerprint = $"anomaly:{id.Text}",
            Summary = score.Kind == AnomalyKind.Stuck
                ? $"{indicator} on {entity} is stuck at {value:G4}: unchanged for longer than it has ever held one value"
                : state.Counter is { IsCounter: true }
                    ? $"{indicator} on {entity} is {(direction == Direction.Down ? "below" : "above")} normal: {value:G4}/s vs expected {score.Expected:G4}/s (rate of a counter)"
                    : $"{indicator} on {entity} is {(direction == Direction.Down ? "below" : "above")} normal: {value:G4} vs expected {score.Expected:G4}",
            Labels = id.Labels,
        };
    }
}

/// <summary>What names a scored series in the signals it raises.</summary>
internal readonly record struct SeriesIdentity(ulong Hash, string Text, LabelSet Labels);
