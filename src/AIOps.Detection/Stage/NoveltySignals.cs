using AIOps.Core.Model;

namespace AIOps.Detection.Stage;

/// <summary>A log line of a kind never seen before, from an entity that has been logging for a while.</summary>
internal static class NoveltySignals
{
    private const int MaxIndicatorLength = 120;

    public static Signal From(LogRecord log, string entity)
    {
        var template = log.Template ?? log.Body;
        var indicator = template.Length <= MaxIndicatorLength ? template : template[..MaxIndicatorLength] + "...";
        return new Signal
        {
            Id = $"sig-{StableHash.Hex(StableHash.Combine(StableHash.Of(entity + "\n" + log.TemplateId), (ulong)log.Timestamp.UtcTicks))}",
            Kind = SignalKind.Novelty,
            Entity = entity,
            Indicator = $"log: {indicator}",
            Detector = "log-template-novelty",
            Score = DetectionDefaults.NoveltyScore,
            Direction = Direction.Up,
            Onset = log.Timestamp,
            Timestamp = log.Timestamp,
            Severity = log.Severity,
            Fingerprint = $"novelty:{entity}:{log.TemplateId}",
            Summary = $"new {log.Severity.ToString().ToLowerInvariant()} log line on {entity}: {log.Body}",
            Labels = LabelSet.From(("template_id", log.TemplateId ?? string.Empty)),
        };
    }
}
