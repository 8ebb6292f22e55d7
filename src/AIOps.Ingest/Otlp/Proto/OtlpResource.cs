using AIOps.Core.Model;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>A resource block's attributes and the entity they resolve to, computed once for all its items.</summary>
internal sealed class OtlpResource(LabelSet labels)
{
    public static readonly OtlpResource Empty = new(LabelSet.Empty);

    private Resource? _entity;

    public LabelSet Labels { get; } = labels;

    public Resource Entity => _entity ??= EntityResolver.FromLabels(Labels);

    /// <summary>A span's service: <c>service.name</c>, else the resolved service, else OTel's <c>unknown_service</c>.</summary>
    public string Service => Labels.Get("service.name") ?? Entity.Service ?? "unknown_service";
}
