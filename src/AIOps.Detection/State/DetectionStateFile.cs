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
    /// <summary>Writes the state of every series of <paramref name="stage"/>; returns how many.</summary>
    public static int Save(DetectionStage stage, string path)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var temporary = path + ".tmp";
        var count = 0;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream))
        {
            SnapshotHeader.Write(writer);
            var countAt = stream.Position;
            writer.Write(0);
            foreach (var series in stage.SnapshotSeries())
            {
                SnapshotHeader.WriteSeries(writer, series);
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
            if (SnapshotHeader.Check(reader) is { } problem)
            {
                return new DetectionStateLoad(0, 0, problem);
            }

            var count = reader.ReadInt32();
            var shared = new Dictionary<MetricPolicy, SharedObjects>();
            for (var i = 0; i < count; i++)
            {
                if (stage.TryRestore(SnapshotHeader.ReadSeries(reader), shared))
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
}

/// <summary>What a state load did: series restored warm, series skipped (start cold), and why nothing was read, if so.</summary>
public readonly record struct DetectionStateLoad(int Restored, int Skipped, string? Problem);
