using AIOps.Core.Model;

namespace AIOps.Correlation.Incidents;

/// <summary>
/// What an entity has been signalling lately, wherever those signals went (an incident, held, weak): the current run
/// of anomalies (when it began, when last seen) and the last few distinct conditions. One per active entity, reused,
/// so observing a signal allocates nothing.
/// </summary>
internal sealed class EntityActivity
{
    private const int Slots = 4;
    private readonly string?[] _fingerprints = new string?[Slots];
    private readonly DateTimeOffset[] _seen = new DateTimeOffset[Slots];
    private readonly bool[] _novelty = new bool[Slots];

    public DateTimeOffset AnomalyOnset { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset AnomalyLastSeen { get; private set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.MinValue;

    public void Observe(Signal signal, TimeSpan window)
    {
        if (signal.Kind == SignalKind.Anomaly)
        {
            if (signal.Timestamp - AnomalyLastSeen > window)
            {
                AnomalyOnset = signal.Onset; // a new run of anomalies
            }
            else if (signal.Onset < AnomalyOnset)
            {
                AnomalyOnset = signal.Onset;
            }

            if (signal.Timestamp > AnomalyLastSeen)
            {
                AnomalyLastSeen = signal.Timestamp;
            }
        }

        if (signal.Timestamp > LastSeen)
        {
            LastSeen = signal.Timestamp;
        }

        var slot = 0;
        var found = false;
        for (var i = 0; i < Slots; i++)
        {
            if (string.Equals(_fingerprints[i], signal.Fingerprint, StringComparison.Ordinal))
            {
                slot = i;
                found = true;
                break;
            }

            if (_seen[i] < _seen[slot])
            {
                slot = i; // the oldest (or an empty slot) is replaced
            }
        }

        if (!found || signal.Timestamp > _seen[slot])
        {
            _fingerprints[slot] = signal.Fingerprint;
            _seen[slot] = signal.Timestamp;
            _novelty[slot] = signal.Kind == SignalKind.Novelty;
        }
    }

    /// <summary>
    /// Distinct conditions seen within <paramref name="within"/> before <paramref name="now"/>, counting
    /// <paramref name="fingerprint"/> once; without <paramref name="novelties"/>, a never-seen log template is not
    /// counted (it comes with the burst of log lines that raised the entity's error-count anomaly: one event, not two).
    /// </summary>
    public int ConditionsWithin(DateTimeOffset now, TimeSpan within, string fingerprint, bool novelties = true)
    {
        var count = 1;
        for (var i = 0; i < Slots; i++)
        {
            if (_fingerprints[i] is { } known && !string.Equals(known, fingerprint, StringComparison.Ordinal) && now - _seen[i] <= within && (novelties || !_novelty[i]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when an anomaly of this entity overlaps [from, to].</summary>
    public bool AnomalousBetween(DateTimeOffset from, DateTimeOffset to) => AnomalyLastSeen >= from && AnomalyOnset <= to;
}
