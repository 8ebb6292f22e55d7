using AIOps.Core.Model;
using AIOps.Detection.Rules;
using AIOps.Detection.Stage;

namespace AIOps.Detection.State;

/// <summary>
/// Saves every series' learned detector state to a file and restores it at start-up, so a restarted engine keeps
/// its baselines and seasons instead of re-learning them (two periods, e.g. two days, for a daily season). The file
/// is tied to the build of the detection library that wrote it: another build's file is ignored (series start cold)
/// rather than misread. Writes go to a temporary file first, so a crash mid-save leaves the previous file intact.
/// </summary>
public static class DetectionStateFile
{
    private const string Magic = "aiops-detector-state";
    private const int Version = 1;

    /// <summary>Writes the state of every series of <paramref name="stage"/>; returns how many.</summary>
    public static int Save(DetectionStage stage, string path)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var temporary = path + ".tmp";
        var count = 0;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(BuildId.ToByteArray());
            var countAt = stream.Position;
            writer.Write(0);
            foreach (var series in stage.SnapshotSeries())
            {
                writer.Write(series.Id.Value);
                writer.Write(series.Name);
                writer.Write(series.State.Length);
                writer.Write(series.State);
                count++;
            }

            writer.Flush();
            stream.Position = countAt;
            writer.Write(count);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return count;
    }

    /// <summary>Restores what fits from <paramref name="path"/> into a stage that has not scored anything yet.</summary>
    public static DetectionStateLoad Load(DetectionStage stage, string path)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!File.Exists(path))
        {
            return new DetectionStateLoad(0, 0, "no state file");
        }

        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var restored = 0;
        var skipped = 0;
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
            {
                return new DetectionStateLoad(0, 0, "not a detector state file of this version");
            }

            if (new Guid(reader.ReadBytes(16)) != BuildId)
            {
                return new DetectionStateLoad(0, 0, "written by another build of the detection library: series start cold");
            }

            var count = reader.ReadInt32();
            var shared = new Dictionary<MetricPolicy, SharedObjects>();
            for (var i = 0; i < count; i++)
            {
                var id = new SeriesId(reader.ReadUInt64());
                var name = reader.ReadString();
                var length = reader.ReadInt32();
                var bytes = reader.ReadBytes(length);
                if (length < 0 || bytes.Length != length)
                {
                    return new DetectionStateLoad(restored, skipped, $"truncated after {restored + skipped} of {count} series");
                }

                if (stage.TryRestore(new SeriesSnapshot(id, name, bytes), shared))
                {
                    restored++;
                }
                else
                {
                    skipped++;
                }
            }
        }
        catch (EndOfStreamException)
        {
            return new DetectionStateLoad(restored, skipped, $"truncated after {restored + skipped} series");
        }

        return new DetectionStateLoad(restored, skipped, null);
    }

    // The layout of every detector type is fixed for one build of this assembly.
    private static Guid BuildId => typeof(DetectionStateFile).Assembly.ManifestModule.ModuleVersionId;
}

/// <summary>What a state load did: series restored warm, series skipped (start cold), and why nothing was read, if so.</summary>
public readonly record struct DetectionStateLoad(int Restored, int Skipped, string? Problem);
