using System.Globalization;
using AIOps.Server.Replay;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// The `correlation` command's switches: which set, and how to vary the scenarios or their delivery so the same faults
/// are replayed under conditions the suite itself does not show (see benchmarks/RESULTS.md for each).
/// </summary>
internal sealed record CorrelationRunOptions
{
    public const string Usage = "correlation [--set suite|holdout] [--seed-offset K] [--only NAME] [--rules DIR] [--out DIR] [--verbose] "
        + "[--volume suite|fleet|PxR] [--delivery interleaved|chunked:N|by-topic] [--replay-order event-time|file] [--backlog-hold] "
        + "[--kube-labels] [--counters] [--noise-scale F] [--topology file|spans|none] [--no-traces]";

    public bool Holdout { get; init; }

    /// <summary>The same faults with other random draws (metric noise, noise events, their times and places).</summary>
    public int SeedOffset { get; init; }

    public string? Only { get; init; }

    public string? Rules { get; init; }

    public string? Out { get; init; }

    public bool Verbose { get; init; }

    public TelemetryVolume Volume { get; init; } = TelemetryVolume.Suite;

    public DeliveryOrder Delivery { get; init; } = DeliveryOrder.Interleaved;

    /// <summary>File: the replay as it was before it sorted dumps by time.</summary>
    public ReplayOrder ReplayOrder { get; init; } = ReplayOrder.EventTime;

    /// <summary>Hold the incident clock for topics with messages still to come, as consumer lag does live.</summary>
    public bool BacklogHold { get; init; }

    /// <summary>Kubernetes alerts labelled as kube-prometheus labels them.</summary>
    public bool KubeLabels { get; init; }

    /// <summary>HTTP series also report cumulative request and error counters.</summary>
    public bool Counters { get; init; }

    public double NoiseScale { get; init; } = 1;

    /// <summary>Where the engine learns the call graph: the topology file, only the spans every service emits, or nowhere.</summary>
    public string Topology { get; init; } = "file";

    /// <summary>Ablation: the same dumps without their spans.</summary>
    public bool NoTraces { get; init; }

    /// <summary>True when the scenarios are the suite's own: only then are the committed dumps under tests/scenarios rewritten.</summary>
    public bool IsSuiteAsCommitted => Volume == TelemetryVolume.Suite && Delivery == DeliveryOrder.Interleaved && !KubeLabels && !Counters && NoiseScale == 1 && Topology == "file";

    /// <exception cref="ArgumentException">An unknown value; the message says which values are accepted.</exception>
    public static CorrelationRunOptions Parse(string[] args)
    {
        var set = Option(args, "--set") ?? "suite";
        var topology = Option(args, "--topology") ?? "file";
        return set is not ("suite" or "holdout") ? throw new ArgumentException($"unknown --set {set}: suite or holdout")
            : topology is not ("file" or "spans" or "none") ? throw new ArgumentException($"unknown --topology {topology}: file, spans or none")
            : new CorrelationRunOptions
            {
                Holdout = set == "holdout",
                SeedOffset = int.Parse(Option(args, "--seed-offset") ?? "0", CultureInfo.InvariantCulture),
                Only = Option(args, "--only"),
                Rules = Option(args, "--rules"),
                Out = Option(args, "--out"),
                Verbose = args.Contains("--verbose"),
                Volume = TelemetryVolume.Parse(Option(args, "--volume") ?? "suite"),
                Delivery = DeliveryOrder.Parse(Option(args, "--delivery") ?? "interleaved"),
                ReplayOrder = Option(args, "--replay-order") == "file" ? ReplayOrder.File : ReplayOrder.EventTime,
                BacklogHold = args.Contains("--backlog-hold"),
                KubeLabels = args.Contains("--kube-labels"),
                Counters = args.Contains("--counters"),
                NoiseScale = double.Parse(Option(args, "--noise-scale") ?? "1", CultureInfo.InvariantCulture),
                Topology = topology,
                NoTraces = args.Contains("--no-traces"),
            };
    }

    /// <summary>Where the dumps go: --out, else the committed folders for the suite as committed, else a temp folder.</summary>
    public string OutputFolder(string repositoryRoot) => Out
        ?? (!IsSuiteAsCommitted ? Path.Combine(Path.GetTempPath(), $"aiops-scenarios-{(Holdout ? "holdout" : "suite")}-{Volume.Pods}x{Volume.Routes}")
            : Holdout ? Path.Combine(repositoryRoot, "tests", "scenarios", "holdout") : Path.Combine(repositoryRoot, "tests", "scenarios"));

    /// <summary>The scenario as this run varies it.</summary>
    public ScenarioSpec Vary(ScenarioSpec spec) => spec with
    {
        Seed = spec.Seed + SeedOffset,
        Volume = Volume,
        KubeLabels = KubeLabels,
        Counters = Counters,
        NoiseEvents = (int)Math.Round(spec.NoiseEvents * NoiseScale),
        Traces = spec.Traces || Topology == "spans",
    };

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
