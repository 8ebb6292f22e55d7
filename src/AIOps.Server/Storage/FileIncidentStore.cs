using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;

namespace AIOps.Server.Storage;

/// <summary>
/// The embedded incident store: an append-only JSON-lines log, one incident version per line, fsynced on
/// every write so an accepted version survives a crash. On open it replays the log (highest version wins)
/// and rewrites it compacted. Older or equal versions are ignored, so replayed updates are idempotent.
/// </summary>
public sealed class FileIncidentStore : IIncidentStore, IIncidentStoreEvents, IDisposable
{
    public const string FileName = "incidents.jsonl";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Incident> _latest = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly FileStream _log;

    public FileIncidentStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, FileName);
        Load();
        Compact();
        _log = OpenForAppend();
    }

    /// <summary>Raised after a new version was stored (the API's live stream listens to it).</summary>
    public event Action<Incident>? Stored;

    /// <summary>Lines of the log that could not be read on open (a torn last write after a crash).</summary>
    public int CorruptLines { get; private set; }

    public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(incident.Id, out var known) && known.Version >= incident.Version)
            {
                return ValueTask.CompletedTask;
            }

            var line = JsonSerializer.SerializeToUtf8Bytes(incident, AiopsJson.Options);
            _log.Write(line);
            _log.WriteByte((byte)'\n');
            _log.Flush(flushToDisk: true);
            _latest[incident.Id] = incident;
        }

        Stored?.Invoke(incident);
        return ValueTask.CompletedTask;
    }

    public Incident? Get(string id)
    {
        lock (_gate)
        {
            return _latest.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<Incident> List()
    {
        lock (_gate)
        {
            return [.. _latest.Values.OrderByDescending(i => i.LastSeen).ThenBy(i => i.Id, StringComparer.Ordinal)];
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            return;
        }

        foreach (var line in File.ReadLines(_path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var incident = JsonSerializer.Deserialize<Incident>(line, AiopsJson.Options);
                if (incident is not null && (!_latest.TryGetValue(incident.Id, out var known) || known.Version < incident.Version))
                {
                    _latest[incident.Id] = incident;
                }
            }
            catch (JsonException)
            {
                CorruptLines++;
            }
        }
    }

    private void Compact()
    {
        var temp = _path + ".tmp";
        using (var writer = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            foreach (var incident in _latest.Values.OrderBy(i => i.FirstSeen))
            {
                writer.Write(JsonSerializer.SerializeToUtf8Bytes(incident, AiopsJson.Options));
                writer.WriteByte((byte)'\n');
            }

            writer.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }

    private FileStream OpenForAppend() => new(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
}
