using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

/// <summary>
/// Signals matching every matcher during [<see cref="StartsAt"/>, <see cref="EndsAt"/>) (event time) are muted:
/// counted, never grouped. Created in rule files or at run time through <see cref="ISilenceStore"/>.
/// </summary>
public sealed record Silence
{
    public required string Id { get; init; }

    public required IReadOnlyList<SignalMatcher> Matchers { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public string? Comment { get; init; }

    public string? CreatedBy { get; init; }

    public bool Mutes(Signal signal) =>
        signal.Timestamp >= StartsAt && signal.Timestamp < EndsAt && SignalMatcher.All(Matchers, signal);
}
