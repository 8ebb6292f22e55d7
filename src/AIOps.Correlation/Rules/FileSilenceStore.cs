using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;

namespace AIOps.Correlation.Rules;

/// <summary>
/// An <see cref="ISilenceStore"/> that survives restarts: every add or remove rewrites one JSON file (a temp file
/// flushed to disk, then renamed over the old one, so a crash leaves the old or the new set, never half of one).
/// Silences whose end has passed (wall clock) are dropped on load and on every write; until then they mute only
/// inside their own range (event time), as in <see cref="SilenceRegistry"/>.
/// </summary>
public sealed class FileSilenceStore : ISilenceStore
{
    public const string FileName = "silences.json";

    private readonly Lock _gate = new();
    private readonly SilenceRegistry _silences = new();
    private readonly string _path;
    private readonly TimeProvider _time;

    /// <param name="path">The file; created on the first write (its folder too).</param>
    public FileSilenceStore(string path, TimeProvider time)
    {
        _path = path;
        _time = time;
        if (!File.Exists(path))
        {
            return;
        }

        var now = time.GetUtcNow();
        var stored = JsonSerializer.Deserialize<List<StoredSilence>>(File.ReadAllText(path), AiopsJson.Options) ?? [];
        foreach (var silence in stored)
        {
            if (silence.EndsAt > now)
            {
                _silences.Add(silence.ToSilence());
            }
        }
    }

    public void Add(Silence silence)
    {
        lock (_gate)
        {
            _silences.Add(silence);
            PruneAndSaveLocked();
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            var removed = _silences.Remove(id);
            PruneAndSaveLocked();
            return removed;
        }
    }

    public IReadOnlyList<Silence> List() => _silences.List();

    public Silence? Muting(Signal signal) => _silences.Muting(signal);

    private void PruneAndSaveLocked()
    {
        var now = _time.GetUtcNow();
        foreach (var expired in _silences.List().Where(s => s.EndsAt <= now).ToList())
        {
            _silences.Remove(expired.Id);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(_path))!;
        Directory.CreateDirectory(directory);
        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, _silences.List().Select(StoredSilence.From).ToList(), AiopsJson.Indented);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }

    /// <summary>The file's shape: a silence with its matchers as plain values.</summary>
    private sealed record StoredSilence(string Id, IReadOnlyList<StoredMatcher> Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Comment, string? CreatedBy)
    {
        public static StoredSilence From(Silence s) =>
            new(s.Id, [.. s.Matchers.Select(m => new StoredMatcher(m.Field, m.Label, m.Operator, m.Value, m.Negate))], s.StartsAt, s.EndsAt, s.Comment, s.CreatedBy);

        public Silence ToSilence() => new()
        {
            Id = Id,
            Matchers = [.. Matchers.Select(m => new SignalMatcher(m.Field, m.Label, m.Operator, m.Value, m.Negate))],
            StartsAt = StartsAt,
            EndsAt = EndsAt,
            Comment = Comment,
            CreatedBy = CreatedBy,
        };
    }

    private sealed record StoredMatcher(string? Field, string? Label, MatchOperator Operator, string? Value, bool Negate);
}
