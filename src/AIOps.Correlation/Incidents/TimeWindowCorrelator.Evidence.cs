using AIOps.Core.Model;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Incidents;

/// <summary>What a signal must bring to pull a new entity into an incident, and when an entity's trouble began.</summary>
public sealed partial class TimeWindowCorrelator
{
    // Per entity, what it signalled lately wherever that went (incident, held, weak).
    private readonly Dictionary<string, EntityActivity> _activity = new(StringComparer.Ordinal);

    private void TrackActivity(Signal signal)
    {
        if (signal.Kind == SignalKind.Change || signal.Resolved)
        {
            return;
        }

        if (!_activity.TryGetValue(signal.Entity, out var activity))
        {
            _activity[signal.Entity] = activity = new EntityActivity();
        }

        activity.Observe(signal, _options.Window);
    }

    private void PruneActivity(DateTimeOffset now)
    {
        foreach (var (entity, activity) in _activity)
        {
            if (now - activity.LastSeen > _options.Window)
            {
                _activity.Remove(entity);
            }
        }
    }

    /// <summary>When the signal's entity started going wrong: the signal's onset, or its current run of anomalies if earlier.</summary>
    private DateTimeOffset TroubleOnset(Signal signal, TimeSpan window) =>
        _activity.TryGetValue(signal.Entity, out var activity) && signal.Timestamp - activity.AnomalyLastSeen <= window && activity.AnomalyOnset < signal.Onset
            ? activity.AnomalyOnset
            : signal.Onset;

    /// <summary>
    /// Whether a signal that topology (or a shared onset) relates to an incident carries enough evidence to bring
    /// its entity in. It must be a condition that could stand on its own: a signal whose rule needs several
    /// conditions (anomalies, warnings) needs that many distinct conditions of any kind on its entity within the
    /// corroboration window, or to have persisted; a lone blip on a neighbour is held like any uncorroborated signal,
    /// and joins with the rest once its entity is corroborated.
    /// An alert joining an incident built from anomalies through a caller or a sibling (the symptom side) needs its
    /// entity's metrics to agree (an anomaly of its own around the alert's onset) or the incident to show the same
    /// alert already: symptoms that spread move the neighbour's metrics or repeat the same symptom, while a job
    /// failing or a target flapping there does neither. On a dependency that went wrong early enough to be the cause
    /// (an expired certificate, a replica falling behind), the alert may be the only sign of it and is enough.
    /// </summary>
    private bool BringsEvidence(IncidentState incident, Signal signal, CorrelationRule? rule, TimeSpan window, bool asDependency)
    {
        var corroboration = _options.AnomalyCorroborationWindow > TimeSpan.Zero ? _options.AnomalyCorroborationWindow : window;
        _activity.TryGetValue(signal.Entity, out var activity);

        // An alert on a dependency early enough to be the cause confirms trouble its metrics showed before its callers
        // did (a slow ramp's first anomaly comes long before the alert's `for:` elapses): its earlier conditions
        // count over the whole window. Anomalies keep the short window: two blips minutes apart are not one problem.
        var corroboratedWithin = asDependency && signal.Kind == SignalKind.Alert ? window : corroboration;
        if (rule is not null && rule.MinCount > 1 &&
            !(rule.Persist is { } persist && signal.Timestamp - signal.Onset >= persist) &&
            (activity?.ConditionsWithin(signal.Timestamp, corroboratedWithin, signal.Fingerprint) ?? 1) < rule.MinCount)
        {
            return false;
        }

        return signal.Kind != SignalKind.Alert || asDependency || !incident.HasAnomalies || incident.HasAlertNamed(signal.Indicator) ||
            (activity is not null && activity.AnomalousBetween(signal.Onset - corroboration, signal.Timestamp + corroboration));
    }
}
