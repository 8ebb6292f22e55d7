using AIOps.Detection.Rules;
using AIOps.Detection.Stage;

namespace AIOps.Detection.State;

/// <summary>
/// Detector state as one self-describing record per series (key = series id), for a compacted topic: the latest
/// record of each series is its state, so an instance that takes over a series (or starts on an empty disk)
/// resumes it warm. Same encoding and build check as <see cref="DetectionStateFile"/>.
/// </summary>
public static class DetectionStateRecords
{
    /// <summary>One record per scored series.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> Export(DetectionStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        using var buffer = new MemoryStream();
        foreach (var series in stage.SnapshotSeries())
        {
            buffer.SetLength(0);
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                SnapshotHeader.Write(writer);
                SnapshotHeader.WriteSeries(writer, series);
            }

            yield return new(series.Id.ToString(), buffer.ToArray());
        }
    }

    /// <summary>Restores every record that fits this build into series the stage does not score yet.</summary>
    public static DetectionStateLoad Import(DetectionStage stage, IEnumerable<byte[]> records)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(records);
        var shared = new Dictionary<MetricPolicy, SharedObjects>();
        int restored = 0, skipped = 0;
        string? problem = null;
        foreach (var record in records)
        {
            try
            {
                using var reader = new BinaryReader(new MemoryStream(record, writable: false));
                if (SnapshotHeader.Check(reader) is { } mismatch)
                {
                    problem ??= mismatch;
                    skipped++;
                }
                else if (stage.TryRestore(SnapshotHeader.ReadSeries(reader), shared))
                {
                    restored++;
                }
                else
                {
                    skipped++;
                }
            }
            catch (EndOfStreamException)
            {
                problem ??= "a record ends early";
                skipped++;
            }
        }

        return new DetectionStateLoad(restored, skipped, problem);
    }
}
