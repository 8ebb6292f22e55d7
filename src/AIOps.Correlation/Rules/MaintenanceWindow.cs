using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

/// <summary>
/// Planned work: matching signals are muted either during one time range (<see cref="StartsAt"/>..<see cref="EndsAt"/>)
/// or every week on <see cref="Days"/> between <see cref="From"/> and <see cref="To"/> (UTC time of day).
/// </summary>
public sealed class MaintenanceWindow
{
    public required string Name { get; init; }

    public IReadOnlyList<SignalMatcher> Matchers { get; init; } = [];

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public TimeSpan From { get; init; }

    public TimeSpan To { get; init; }

    public string File { get; init; } = string.Empty;

    public int Line { get; init; }

    public bool Mutes(Signal signal) => IsActive(signal.Timestamp) && SignalMatcher.All(Matchers, signal);

    public bool IsActive(DateTimeOffset time)
    {
        if (StartsAt is { } start && EndsAt is { } end)
        {
            return time >= start && time < end;
        }

        if (Days.Count == 0)
        {
            return false;
        }

        var utc = time.UtcDateTime;
        var timeOfDay = utc.TimeOfDay;
        if (From <= To)
        {
            return Contains(utc.DayOfWeek) && timeOfDay >= From && timeOfDay < To;
        }

        // A window over midnight (22:00-02:00) belongs to the day it starts on.
        return (Contains(utc.DayOfWeek) && timeOfDay >= From) || (Contains(utc.AddDays(-1).DayOfWeek) && timeOfDay < To);
    }

    private bool Contains(DayOfWeek day)
    {
        for (var i = 0; i < Days.Count; i++)
        {
            if (Days[i] == day)
            {
                return true;
            }
        }

        return false;
    }
}
