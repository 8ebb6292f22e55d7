namespace AIOps.Core.Model;

/// <summary>One log line; <see cref="TemplateId"/> is filled by template mining.</summary>
public sealed record LogRecord : TelemetryRecord
{
    public required Severity Severity { get; init; }

    public required string Body { get; init; }

    public LabelSet Attributes { get; init; } = LabelSet.Empty;

    public string? TemplateId { get; init; }
}
