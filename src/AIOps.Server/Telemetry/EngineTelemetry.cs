using System.Diagnostics;

namespace AIOps.Server.Telemetry;

/// <summary>Names of the engine's meter and activity source, and the source itself (BCL only; the host wires OpenTelemetry).</summary>
public static class EngineTelemetry
{
    public const string MeterName = "AIOps.Engine";
    public const string ActivitySourceName = "AIOps.Engine";

    /// <summary>The span around publishing one incident version to every sink.</summary>
    public const string PublishActivity = "aiops.incident.publish";

    public static ActivitySource Source { get; } = new(ActivitySourceName);
}
