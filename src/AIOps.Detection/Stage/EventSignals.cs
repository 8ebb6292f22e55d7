using AIOps.Core.Model;

namespace AIOps.Detection.Stage;

/// <summary>Alerts and change events are already verdicts: they become signals as they are.</summary>
internal static class EventSignals
{
    public static Signal From(EventRecord evt)
    {
        var kind = evt.Kind switch
        {
            EventKind.Change => SignalKind.Change,
            _ => SignalKind.Alert,
        };
        var entity = evt.Resource.EntityKey;
        var indicator = evt.Labels.Get("alertname") ?? evt.Title;
        return new Signal
        {
            Id = $"sig-{StableHash.Hex(StableHash.Combine(StableHash.Of(evt.Fingerprint), (ulong)evt.Timestamp.UtcTicks ^ (ulong)evt.Status))}",
            Kind = kind,
            Entity = entity,
            Indicator = indicator,
            Detector = evt.Source,
            Score = ScoreOf(evt),
            Onset = evt.Timestamp,
            Timestamp = evt.Timestamp,
            Severity = evt.Severity,
            Fingerprint = $"{evt.Source}:{evt.Fingerprint}",
            Resolved = evt.Status == EventStatus.Resolved,
            Summary = evt.Title,
            Labels = evt.Labels,
        };
    }

    // An alert's confidence is its severity: a page is certain, a warning is a hint.
    private static double ScoreOf(EventRecord evt) => evt.Kind == EventKind.Change ? 1.0 : evt.Severity switch
    {
        Severity.Critical => 1.0,
        Severity.Error => 0.9,
        Severity.Warning => 0.7,
        _ => 0.5,
    };
}
