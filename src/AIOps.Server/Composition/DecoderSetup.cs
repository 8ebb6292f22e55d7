using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Server.Options;

namespace AIOps.Server.Composition;

/// <summary>The decoder router for the configured topic bindings.</summary>
internal static class DecoderSetup
{
    public static ITelemetryDecoder CreateRouter(EngineOptions options, TimeProvider time) =>
        DecoderCatalog.CreateRouter(options.Kafka.InputTopics, time);
}
