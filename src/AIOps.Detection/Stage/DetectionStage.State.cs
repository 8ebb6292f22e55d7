using AIOps.Detection.State;

namespace AIOps.Detection.Stage;

/// <summary>Export and import of every series' learned detector state (see <see cref="DetectionStateFile"/>).</summary>
public sealed partial class DetectionStage
{
    /// <summary>Every scored series: id, metric name and detector state bytes.</summary>
    internal IEnumerable<SeriesSnapshot> SnapshotSeries()
    {
        var shared = new Dictionary<Rules.MetricPolicy, SharedObjects>();
        using var buffer = new MemoryStream();
        foreach (var (id, state) in _series)
        {
            if (!shared.TryGetValue(state.Policy, out var config))
            {
                shared[state.Policy] = config = SharedObjects.Of(state.Policy.Factory, state.Name);
            }

            buffer.SetLength(0);
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                DetectorStateCodec.Write(writer, state.Detector, config);
            }

            yield return new SeriesSnapshot(id, state.Name, buffer.ToArray());
        }
    }

    /// <summary>
    /// Restores one series from a snapshot into a detector built by today's rules for its metric name. A series
    /// already scored, one over <see cref="DetectionOptions.MaxSeries"/>, or bytes that do not fit today's
    /// detector (the rules chose another detector) are skipped: that series starts cold.
    /// </summary>
    internal bool TryRestore(SeriesSnapshot snapshot, Dictionary<Rules.MetricPolicy, SharedObjects> shared)
    {
        if (_series.ContainsKey(snapshot.Id) || _series.Count >= _options.MaxSeries)
        {
            return false;
        }

        var policy = _rules.Resolve(snapshot.Name, _factory, _detectorName, _options.SignalThreshold);
        if (!shared.TryGetValue(policy, out var config))
        {
            shared[policy] = config = SharedObjects.Of(policy.Factory, snapshot.Name);
        }

        var detector = policy.Factory.Create(snapshot.Name);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(snapshot.State, writable: false));
            DetectorStateCodec.Read(reader, detector, config);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or InvalidCastException)
        {
            return false;
        }

        // Counter or gauge is judged again from the next points (the detector itself resumes warm).
        _series[snapshot.Id] = new SeriesState(snapshot.Name, detector, policy) { Counter = IsDerived(snapshot.Name) ? null : CounterRate.For(snapshot.Name, policy.Counter) };
        DetectionHealth.Series.Add(1);
        return true;
    }

    /// <summary>Series this stage derives from logs and spans (per-bucket counts and ratios, never cumulative).</summary>
    private static bool IsDerived(string name) =>
        name.StartsWith("log.", StringComparison.Ordinal) || name.StartsWith("span.", StringComparison.Ordinal) || name.StartsWith("edge.", StringComparison.Ordinal);
}
