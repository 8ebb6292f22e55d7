using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Ingest.Mapping;
using AIOps.Server.Options;

namespace AIOps.Server.Composition;

/// <summary>The decoder router for the configured topic bindings, with the rules directory's JSON mappings.</summary>
internal static class DecoderSetup
{
    /// <exception cref="InvalidDataException">A mapping file is invalid (the engine does not start half-configured).</exception>
    public static ITelemetryDecoder CreateRouter(EngineOptions options, TimeProvider time) =>
        DecoderCatalog.CreateRouter(options.Kafka.InputTopics, time, extraDecoders: JsonMappings.LoadOrThrow(options.ResolveRulesDirectory()));
}
