using AIOps.Core.Model;
using AIOps.Core.Topology;

namespace AIOps.Core.Ports;

/// <summary>The root-cause stage: ranks the likely causes of an incident.</summary>
public interface IRootCauseAnalyzer
{
    RootCauseReport Analyze(Incident incident, DependencyGraph topology);
}
