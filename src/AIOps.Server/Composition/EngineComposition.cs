using AIOps.Core.Model;
using AIOps.Core.Pipeline;
using AIOps.Core.Ports;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using AIOps.Correlation.Topology;
using AIOps.Detection;
using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;
using AIOps.Ingest.Templates;
using AIOps.RootCause.Incidents;
using AIOps.Server.Options;

namespace AIOps.Server.Composition;

/// <summary>
/// Wires the stages into one pipeline: decoders -> detection -> correlation -> root cause -> sinks.
/// The same composition serves `serve` (fed by Kafka), `replay` (fed by a dump) and `demo`.
/// </summary>
public sealed class EngineComposition
{
    private EngineComposition(DependencyGraph topology, IIncidentStore store, IncidentEngine engine, MessageProcessor processor, DetectionStage detection, LogTemplateNormalizer templates, CausePriors priors)
    {
        Priors = priors;
        Templates = templates;
        Topology = topology;
        Store = store;
        Engine = engine;
        Processor = processor;
        Detection = detection;
    }

    public DependencyGraph Topology { get; }

    public IIncidentStore Store { get; }

    public IncidentEngine Engine { get; }

    /// <summary>Operator verdicts on past causes that the ranking reads; the API's action log feeds them.</summary>
    public CausePriors Priors { get; }

    public MessageProcessor Processor { get; }

    public DetectionStage Detection { get; }

    /// <summary>Log template mining; its state is saved beside the incident store so template ids survive restarts.</summary>
    public LogTemplateNormalizer Templates { get; }

    public static EngineComposition Create(
        EngineOptions options,
        TimeProvider time,
        IIncidentStore store,
        IDeadLetterSink deadLetters,
        IReadOnlyList<IIncidentSink>? incidentSinks = null,
        IReadOnlyList<ISignalSink>? signalSinks = null)
    {
        var topology = LoadTopology(options.ResolveRulesDirectory());
        var detection = new DetectionStage(new LiveDetectorFactory(), topology, options.Detection, LoadDetectionRules(options.ResolveRulesDirectory()));
        var correlator = new TimeWindowCorrelator(topology, options.Correlation);
        correlator.Restore(store.List().Where(i => i.Status == IncidentStatus.Open));
        var priors = new CausePriors();
        var engine = new IncidentEngine(detection, correlator, new SignalRootCauseAnalyzer(priors: priors), topology, [store, .. incidentSinks ?? []], signalSinks);
        var templates = new LogTemplateNormalizer();
        var processor = new MessageProcessor(DecoderSetup.CreateRouter(options, time), engine, deadLetters, templates);
        return new EngineComposition(topology, store, engine, processor, detection, templates, priors);
    }

    public static DetectionRules LoadDetectionRules(string rulesDirectory)
    {
        var file = Path.Combine(rulesDirectory, DetectionRulesFile.FileName);
        return File.Exists(file) ? DetectionRulesFile.Load(file) : DetectionRules.Empty;
    }

    public static DependencyGraph LoadTopology(string rulesDirectory)
    {
        var graph = new DependencyGraph();
        var file = Path.Combine(rulesDirectory, "topology.yaml");
        if (File.Exists(file))
        {
            TopologyFile.Load(file, graph);
        }

        return graph;
    }
}
