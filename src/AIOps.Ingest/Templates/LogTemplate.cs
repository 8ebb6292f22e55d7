namespace AIOps.Ingest.Templates;

/// <summary>A kept template with the number of messages it has matched.</summary>
public readonly record struct LogTemplate(string TemplateId, string Template, long Count);
