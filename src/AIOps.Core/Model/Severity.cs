namespace AIOps.Core.Model;

/// <summary>Severity shared by logs, events, signals and incidents (ordered, higher is worse).</summary>
public enum Severity
{
    Unknown = 0,
    Debug = 1,
    Info = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
}
