namespace AIOps.Ingest.Mapping;

/// <summary>A problem in a mapping file, at a 1-based line and column (the same shape `aiops rules lint` prints).</summary>
public readonly record struct MappingError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
