namespace AIOps.Ingest.Templates;

/// <summary>
/// A regex applied to a message before tree search; every match is replaced by <see cref="Replacement"/>.
/// Rules run in order, so specific shapes (UUIDs, IPs) come before generic ones (numbers).
/// </summary>
public sealed record MaskingRule(string Name, string Pattern, string Replacement = LogTemplateMinerDefaults.Wildcard);
