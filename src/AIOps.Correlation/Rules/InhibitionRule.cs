namespace AIOps.Correlation.Rules;

/// <summary>
/// While a firing signal matches <see cref="Source"/>, signals matching <see cref="Target"/> with the same values
/// for every <see cref="Equal"/> label are symptoms of it: they join the source's incident and open nothing.
/// Example: a NodeDown alert inhibits the pod alerts on that node (<c>equal: [node]</c>).
/// </summary>
public sealed class InhibitionRule
{
    public required string Name { get; init; }

    public IReadOnlyList<SignalMatcher> Source { get; init; } = [];

    public IReadOnlyList<SignalMatcher> Target { get; init; } = [];

    public IReadOnlyList<string> Equal { get; init; } = [];

    public string File { get; init; } = string.Empty;

    public int Line { get; init; }
}
