namespace AIOps.Core.Model;

/// <summary>A series identity: the stable hash of the metric name and its sorted labels.</summary>
public readonly record struct SeriesId(ulong Value)
{
    public static SeriesId Of(string name, LabelSet labels) => new(StableHash.Of(name, labels));

    public override string ToString() => StableHash.Hex(Value);
}
