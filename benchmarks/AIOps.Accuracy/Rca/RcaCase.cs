using AIOps.Core.Topology;
using AIOps.RootCause.Series;

namespace AIOps.Accuracy.Rca;

/// <summary>One labelled fault: the metrics (baseline then incident), the injection time, the true cause, the call graph if any.</summary>
internal sealed record RcaCase(string Name, SeriesFrame Frame, double InjectionUnixSeconds, string RootCause, DependencyGraph? Graph);
