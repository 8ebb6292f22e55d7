using System.Text.Json;

namespace AIOps.Ingest.CloudEvents;

/// <summary>The context attributes and data of one CloudEvent, from either content mode.</summary>
internal sealed class CloudEvent
{
    public string? SpecVersion { get; set; }

    public string? Id { get; set; }

    public string? Source { get; set; }

    public string? Type { get; set; }

    public string? Subject { get; set; }

    public string? Time { get; set; }

    public string? DataContentType { get; set; }

    /// <summary>Extension attributes (any other context attribute), as text.</summary>
    public List<KeyValuePair<string, string>> Extensions { get; } = [];

    /// <summary>Structured mode: the <c>data</c> member, when present.</summary>
    public JsonElement? Data { get; set; }

    /// <summary>Binary mode payload, or structured <c>data_base64</c>.</summary>
    public byte[]? DataBytes { get; set; }
}
