namespace AIOps.Accuracy.Correlation;

/// <summary>
/// How a fault changes one component from <see cref="DelaySteps"/> after the fault starts until it ends. With
/// <see cref="RampSteps"/> above zero the factors grow linearly from 1 to their value over that many steps (a backlog
/// that builds up) instead of jumping.
/// </summary>
internal sealed record Effect(string Entity, int DelaySteps, double LatencyFactor, double ErrorFactor, bool Down = false, string? ErrorLog = null, int RampSteps = 0);

/// <summary>An alert a fault makes Alertmanager send (besides the generic threshold alerts on metrics).</summary>
internal sealed record FaultAlert(string Entity, string Name, string Severity, int DelaySteps, string Summary, int FlapUpSteps = 0, int FlapDownSteps = 0);

/// <summary>One injected fault: what it touches, when, and the change event that caused it, if any.</summary>
internal sealed record FaultSpec(string Id, string Kind, string Description, int StartStep, int DurationSteps, Effect[] Effects, FaultAlert[] Alerts, string? ChangeEntity = null, string? ChangeTitle = null);

/// <summary>
/// A scenario: its faults and how much unrelated background noise runs alongside them. <see cref="System"/> replaces
/// the shop's components (null: <see cref="SimulatedSystem.Components"/>); <see cref="TracedCalls"/> are calls that
/// exist only in the spans (no topology entry); with <see cref="Traces"/> every service also emits OTLP/JSON spans.
/// <see cref="Volume"/> sets how many series each service exports (null: <see cref="TelemetryVolume.Suite"/>). With
/// <see cref="KubeLabels"/> the Kubernetes alerts carry the labels kube-prometheus gives them (the exporter's job,
/// service and instance beside the pod's) instead of the affected service's. With <see cref="Counters"/> every HTTP
/// series also reports cumulative `requests_total` and `errors_total` counters, as Prometheus client libraries do.
/// </summary>
internal sealed record ScenarioSpec(string Name, string Description, int Seed, int Steps, FaultSpec[] Faults, int NoiseEvents, Component[]? System = null, bool Traces = false, (string Caller, string Callee)[]? TracedCalls = null, TelemetryVolume? Volume = null, bool KubeLabels = false, bool Counters = false);

/// <summary>Ground truth, kept out of the payloads: which entity was part of which fault, and when.</summary>
internal sealed record TruthEntry(string Id, string Kind, string Description, string[] Entities, DateTimeOffset Start, DateTimeOffset End);

internal sealed record ScenarioTruth(string Scenario, string Description, DateTimeOffset Start, DateTimeOffset End, List<TruthEntry> Faults, List<TruthEntry> Noise);
