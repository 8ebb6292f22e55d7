using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.RootCause.Incidents;

namespace AIOps.Server.Api.Actions;

/// <summary>
/// Acknowledgements, resolutions, silences and feedback, kept beside the incident store as an append-only
/// JSON-lines file (fsynced per action) and replayed on start. Cause feedback feeds the ranking priors of the
/// pipeline; noise marks and silences suppress similar incidents. Without a directory it keeps them in memory.
/// </summary>
public sealed class OperatorActionLog : IDisposable
{
    public const string FileName = "actions.jsonl";

    private readonly Lock _gate = new();
    private readonly List<OperatorAction> _actions = [];
    private readonly List<CausePriors> _priors = [];
    private readonly TimeProvider _time;
    private readonly FileStream? _log;

    public OperatorActionLog(string? directory, TimeProvider time)
    {
        _time = time;
        if (directory is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                try
                {
                    _actions.Add(JsonSerializer.Deserialize<OperatorAction>(line, AiopsJson.Options)!);
                }
                catch (JsonException)
                {
                    CorruptLines++; // a torn last line after a crash
                }
            }
        }

        _log = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>Raised after an action was stored.</summary>
    public event Action<OperatorAction>? Appended;

    public int CorruptLines { get; }

    /// <summary>Changes with every stored action (part of the incidents' ETags).</summary>
    public long Revision { get { lock (_gate) { return _actions.Count; } } }

    public TimeProvider Time => _time;

    /// <summary>Feeds every stored and future cause verdict into <paramref name="priors"/> (the pipeline's analyzer reads them).</summary>
    public void AttachPriors(CausePriors priors)
    {
        lock (_gate)
        {
            _priors.Add(priors);
            foreach (var action in _actions)
            {
                Apply(priors, action);
            }
        }
    }

    public OperatorAction Append(OperatorAction action)
    {
        lock (_gate)
        {
            if (_log is not null)
            {
                _log.Write(JsonSerializer.SerializeToUtf8Bytes(action, AiopsJson.Options));
                _log.WriteByte((byte)'\n');
                _log.Flush(flushToDisk: true);
            }

            _actions.Add(action);
            foreach (var priors in _priors)
            {
                Apply(priors, action);
            }
        }

        Appended?.Invoke(action);
        return action;
    }

    public IReadOnlyList<OperatorAction> All()
    {
        lock (_gate)
        {
            return [.. _actions];
        }
    }

    public IReadOnlyList<OperatorAction> ActiveSilences()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var ended = _actions.Where(a => a.Kind == ActionKind.Silence && a.Note is not null).Select(a => a.Note!).ToHashSet(StringComparer.Ordinal);
            return [.. _actions.Where(a => a.Kind == ActionKind.Silence && a.Until > now && !ended.Contains($"ended {a.Id}"))];
        }
    }

    /// <summary>Ends a silence early by storing a copy that ends now.</summary>
    public OperatorAction? Expire(string silenceId, string actor)
    {
        var active = ActiveSilences().FirstOrDefault(a => a.Id == silenceId);
        return active is null ? null : Append(active with { Id = NewId(), Until = _time.GetUtcNow(), Actor = actor, Note = $"ended {silenceId}" });
    }

    /// <summary>The operator view of one incident: its own actions plus silences and noise marks on similar ones.</summary>
    public OperatorState StateOf(Incident incident)
    {
        var now = _time.GetUtcNow();
        var pattern = IncidentPattern.Of(incident);
        List<OperatorAction> own;
        OperatorAction? silence;
        OperatorAction? noise;
        lock (_gate)
        {
            own = [.. _actions.Where(a => a.IncidentId == incident.Id)];
            // The newest action per silence id decides (an early end is a later copy with Until = now).
            var silences = _actions.Where(a => a.Kind == ActionKind.Silence).ToList();
            silence = silences.LastOrDefault(a => a.Until > now && (a.IncidentId == incident.Id || IncidentPattern.Similar(a.Pattern, pattern))
                && !silences.Any(e => e.Note == $"ended {a.Id}"));
            noise = _actions.LastOrDefault(a => a.Kind == ActionKind.Feedback && a.Verdict == FeedbackVerdict.Noise
                && (a.IncidentId == incident.Id || IncidentPattern.Similar(a.Pattern, pattern)));
        }

        var ack = own.LastOrDefault(a => a.Kind == ActionKind.Acknowledge);
        var resolved = own.LastOrDefault(a => a.Kind == ActionKind.Resolve);
        var status = incident.Status == IncidentStatus.Resolved || resolved is not null ? "resolved"
            : noise is not null ? "noise"
            : silence is not null ? "silenced"
            : ack is not null ? "acknowledged"
            : "open";
        return new OperatorState(status, ack, resolved, silence, noise, [.. own.Where(a => a.Kind == ActionKind.Feedback)], own);
    }

    public static string NewId() => "act-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        lock (_gate)
        {
            _log?.Dispose();
        }
    }

    private static void Apply(CausePriors priors, OperatorAction action)
    {
        if (action is { Kind: ActionKind.Feedback, Entity: { } entity, Indicator: { } indicator, Verdict: FeedbackVerdict.Cause or FeedbackVerdict.NotCause })
        {
            priors.Record(entity, indicator, action.Verdict == FeedbackVerdict.Cause);
        }
    }
}
