namespace AIOps.Core.Model;

/// <summary>One log line; <see cref="TemplateId"/> is filled by template mining.</summary>
public sealed record LogRecord : TelemetryRecord
{
    public required Severity Severity { get; init; }

    public required string Body { get; init; }

    public LabelSet Attributes { get; init; } = LabelSet.Empty;

    public string? TemplateId { get; init; }

    /// <summary>The mined template text (variable parts as <c>&lt;*&gt;</c>).</summary>
    public string? Template { get; init; }

    /// <summary>True when this line created its template: a kind of line never seen before.</summary>
    public bool NewTemplate { get; init; }
}
