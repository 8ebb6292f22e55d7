using System.Diagnostics.Metrics;

namespace AIOps.Ingest.Common;

/// <summary>The ingest library's own telemetry, through the BCL Meter only (the host wires the exporter).</summary>
internal static class IngestMetrics
{
    public const string MeterName = "AIOps.Ingest";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Fields that carry no series value (Influx/Telegraf strings); skipped on purpose, counted so it is visible.</summary>
    public static readonly Counter<long> SkippedFields = Meter.CreateCounter<long>("aiops.ingest.skipped_fields");

    /// <summary>Messages the router rejected, tagged with the reason class.</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("aiops.ingest.rejected");
}
