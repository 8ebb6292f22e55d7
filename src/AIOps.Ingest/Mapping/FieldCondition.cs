namespace AIOps.Ingest.Mapping;

/// <summary>
/// One condition of a mapping's <c>match</c>: a top-level field exists (<see cref="Equals"/> null) or holds this text.
/// Only top-level fields, so `auto` can test a message with one forward scan and no document.
/// </summary>
internal readonly record struct FieldCondition(string Field, string? Value);
