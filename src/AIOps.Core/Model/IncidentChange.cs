namespace AIOps.Core.Model;

public enum IncidentChangeKind
{
    Opened,
    Updated,
    Merged,
    Resolved,
    Reopened,
}

/// <summary>A new version of an incident, with what changed.</summary>
public readonly record struct IncidentChange(Incident Incident, IncidentChangeKind Kind);
