using AIOps.Core.Model;
using AIOps.Core.Pipeline;
using AIOps.Core.Ports;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using AIOps.Correlation.Rules;
using AIOps.Correlation.Topology;
using AIOps.Detection;
using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;
using AIOps.Ingest.Templates;
using AIOps.RootCause.Incidents;
using AIOps.Server.Options;
using AIOps.Server.Telemetry;

namespace AIOps.Server.Composition;

/// <summary>
/// Wires the stages into one pipeline: decoders -> detection -> correlation -> root cause -> sinks.
/// The same composition serves `serve` (fed by Kafka), `replay` (fed by a dump) and `demo`.
/// </summary>
public sealed class EngineComposition
{
    private EngineComposition(DependencyGraph topology, IIncidentStore store, IncidentEngine engine, MessageProcessor processor, DetectionStage detection, LogTemplateNormalizer templates, TimeWindowCorrelator correlator, CausePriors priors)
    {
        Priors = priors;
        Templates = templates;
        Correlator = correlator;
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

    /// <summary>The correlator: its <see cref="TimeWindowCorrelator.Silences"/> take silences created at run time (kept on disk by `serve`).</summary>
    public TimeWindowCorrelator Correlator { get; }

    /// <summary>Log template mining; its state is saved beside the incident store so template ids survive restarts.</summary>
    public LogTemplateNormalizer Templates { get; }

    public static EngineComposition Create(
        EngineOptions options,
        TimeProvider time,
        IIncidentStore store,
        IDeadLetterSink deadLetters,
        IReadOnlyList<IIncidentSink>? incidentSinks = null,
        IReadOnlyList<ISignalSink>? signalSinks = null,
        EngineMetrics? metrics = null,
        ISilenceStore? silences = null)
    {
        var rulesDirectory = options.ResolveRulesDirectory();
        var topology = LoadTopology(rulesDirectory, out var hosts);
        var rules = RulesLoader.LoadOrThrow(rulesDirectory);
        var detection = new DetectionStage(new LiveDetectorFactory(), topology, options.Detection, LoadDetectionRules(rulesDirectory));
        var correlator = new TimeWindowCorrelator(topology, options.Correlation, rules, silences ?? new SilenceRegistry(), hosts);
        correlator.Restore(store.List().Where(i => i.Status == IncidentStatus.Open));
        ISignalDetector detector = detection;
        IReadOnlyList<IIncidentSink> sinks = [store, .. incidentSinks ?? []];
        if (metrics is not null)
        {
            // Self-telemetry as decorators, so the stages themselves stay free of it.
            detector = new MeteredSignalDetector(detection, metrics);
            sinks = [new TracedIncidentSink(sinks, metrics)];
            signalSinks = [new CountingSignalSink(metrics), .. signalSinks ?? []];
        }

        // Operator feedback ("this was the cause" / "not the cause") adjusts the ranking through these priors.
        var priors = new CausePriors();
        var engine = new IncidentEngine(detector, correlator, new SignalRootCauseAnalyzer(priors: priors, hostsOf: hosts.HostsOf), topology, sinks, signalSinks);
        var templates = new LogTemplateNormalizer();
        var processor = new MessageProcessor(DecoderSetup.CreateRouter(options, time), engine, deadLetters, templates);
        return new EngineComposition(topology, store, engine, processor, detection, templates, correlator, priors);
    }

    public static DetectionRules LoadDetectionRules(string rulesDirectory)
    {
        var file = Path.Combine(rulesDirectory, DetectionRulesFile.FileName);
        return File.Exists(file) ? DetectionRulesFile.Load(file) : DetectionRules.Empty;
    }

    public static DependencyGraph LoadTopology(string rulesDirectory) => LoadTopology(rulesDirectory, out _);

    public static DependencyGraph LoadTopology(string rulesDirectory, out HostMap hosts)
    {
        var graph = new DependencyGraph();
        hosts = HostMap.Empty;
        var file = Path.Combine(rulesDirectory, RulesLoader.TopologyFileName);
        if (File.Exists(file))
        {
            hosts = HostMap.From(TopologyFile.Load(file, graph));
        }

        return graph;
    }
}
