using AIOps.Core.Model;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// How a mapped object becomes an event (an alert, a change, an informational event): title, status words that
/// mean firing and resolved, severity, and the fingerprint that identifies the condition across its updates.
/// </summary>
internal sealed record EventMapping(
    IReadOnlyList<FieldPath> Title,
    FieldPath? Status,
    IReadOnlySet<string> Firing,
    IReadOnlySet<string> Resolved,
    SeverityMapping Severity,
    FieldPath? Fingerprint,
    string Source,
    EventKind Kind);
