using AIOps.Core.Model;

namespace AIOps.Ingest.Mapping;

/// <summary>How a mapped object becomes a log record: the message (first field found), and its severity.</summary>
internal sealed record LogMapping(IReadOnlyList<FieldPath> Message, SeverityMapping Severity);
