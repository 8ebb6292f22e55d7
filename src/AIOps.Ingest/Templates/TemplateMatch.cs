namespace AIOps.Ingest.Templates;

/// <summary>The template a message was assigned to. <see cref="IsNew"/> is true when the template was never seen.</summary>
public readonly record struct TemplateMatch(string TemplateId, string Template, bool IsNew);
