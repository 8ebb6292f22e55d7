using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Templates;

/// <summary>
/// Mines every log body into a template and stamps the record with the template id, its text and whether the
/// line was never seen before. The miner's state can be saved and restored so ids survive restarts.
/// </summary>
public sealed class LogTemplateNormalizer : IRecordNormalizer
{
    private readonly LogTemplateMinerOptions _options;

    public LogTemplateNormalizer(LogTemplateMinerOptions? options = null)
    {
        _options = options ?? new LogTemplateMinerOptions();
        Miner = new LogTemplateMiner(_options);
    }

    public LogTemplateMiner Miner { get; private set; }

    public void Normalize(List<TelemetryRecord> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is LogRecord { TemplateId: null } log)
            {
                var match = Miner.Add(log.Body);
                records[i] = log with { TemplateId = match.TemplateId, Template = match.Template, NewTemplate = match.IsNew };
            }
        }
    }

    /// <summary>Restores the miner saved by <see cref="Save"/>; a missing file starts empty.</summary>
    public void Load(string path)
    {
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            Miner = LogTemplateMiner.Load(stream, _options);
        }
    }

    /// <summary>Writes the miner's state atomically (temp file, then rename).</summary>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            Miner.Save(stream);
        }

        File.Move(temp, path, overwrite: true);
    }
}
