namespace AIOps.RootCause.Incidents;

/// <summary>
/// What operators said about past causes, as a prior on the ranking: an (entity, indicator) confirmed as the
/// cause is boosted the next time it is a candidate, one rejected is demoted. Counts only; where the verdicts
/// are stored is the host's business. Thread-safe: the API records, the pipeline reads.
/// </summary>
public sealed class CausePriors
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Entity, string Indicator), (int Confirmed, int Rejected)> _patterns = [];
    private readonly Dictionary<string, (int Confirmed, int Rejected)> _entities = new(StringComparer.Ordinal);

    /// <summary>Counts one verdict on a candidate.</summary>
    public void Record(string entity, string indicator, bool confirmed)
    {
        lock (_gate)
        {
            _patterns[(entity, indicator)] = Add(_patterns.GetValueOrDefault((entity, indicator)), confirmed);
            _entities[entity] = Add(_entities.GetValueOrDefault(entity), confirmed);
        }
    }

    /// <summary>
    /// In [-1, 1]: positive when operators confirmed this entity and indicator more often than they rejected it.
    /// The exact pattern counts most; verdicts on the entity under another indicator count a little.
    /// </summary>
    public double Prior(string entity, string indicator)
    {
        lock (_gate)
        {
            var pattern = Lean(_patterns.GetValueOrDefault((entity, indicator)));
            var any = Lean(_entities.GetValueOrDefault(entity));
            return Math.Clamp((0.75 * pattern) + (0.25 * any), -1, 1);
        }
    }

    public (int Confirmed, int Rejected) Counts(string entity, string indicator)
    {
        lock (_gate)
        {
            return _patterns.GetValueOrDefault((entity, indicator));
        }
    }

    // One verdict moves the prior half way; more agreeing verdicts approach +-1 (a Laplace-smoothed difference).
    private static double Lean((int Confirmed, int Rejected) c) => (c.Confirmed - c.Rejected) / (double)(c.Confirmed + c.Rejected + 1);

    private static (int, int) Add((int Confirmed, int Rejected) c, bool confirmed) =>
        confirmed ? (c.Confirmed + 1, c.Rejected) : (c.Confirmed, c.Rejected + 1);
}
