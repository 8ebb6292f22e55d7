namespace AIOps.Ingest.Mapping;

/// <summary>Which canonical record a mapped JSON object becomes.</summary>
public enum MappingKind
{
    Metric,
    Log,
    Event,
}
