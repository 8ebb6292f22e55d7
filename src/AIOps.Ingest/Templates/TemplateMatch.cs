namespace AIOps.Ingest.Templates;

/// <summary>
/// The template a message was assigned to. <see cref="IsNew"/> is true when the message created the template: it was
/// never seen, or it was evicted by the LRU bound and is back (with the same id, derived from the same text).
/// </summary>
public readonly record struct TemplateMatch(string TemplateId, string Template, bool IsNew);
