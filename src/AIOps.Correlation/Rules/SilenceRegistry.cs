using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

/// <summary>
/// The in-memory <see cref="ISilenceStore"/>: the API writes while the pipeline reads, so reads take a copy-on-write
/// snapshot without locking. Expired silences are kept until removed (they only mute inside their range).
/// </summary>
public sealed class SilenceRegistry : ISilenceStore
{
    private readonly Lock _gate = new();
    private Silence[] _silences = [];

    public SilenceRegistry(IEnumerable<Silence>? initial = null)
    {
        foreach (var silence in initial ?? [])
        {
            Add(silence);
        }
    }

    public void Add(Silence silence)
    {
        lock (_gate)
        {
            var list = _silences.Where(s => !string.Equals(s.Id, silence.Id, StringComparison.Ordinal)).ToList();
            list.Add(silence);
            _silences = [.. list];
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            var before = _silences.Length;
            _silences = [.. _silences.Where(s => !string.Equals(s.Id, id, StringComparison.Ordinal))];
            return _silences.Length != before;
        }
    }

    public IReadOnlyList<Silence> List() => Volatile.Read(ref _silences);

    public Silence? Muting(Signal signal)
    {
        var silences = Volatile.Read(ref _silences);
        for (var i = 0; i < silences.Length; i++)
        {
            if (silences[i].Mutes(signal))
            {
                return silences[i];
            }
        }

        return null;
    }
}
