namespace AIOps.Detection.State;

/// <summary>
/// What every detector-state file and record starts with: a magic text, the format version and the build of the
/// detection library that wrote it (the layout of every detector type is fixed for one build).
/// </summary>
internal static class SnapshotHeader
{
    private const string Magic = "aiops-detector-state";
    private const int Version = 2; // 2: type codes instead of type names

    public static Guid BuildId => typeof(SnapshotHeader).Assembly.ManifestModule.ModuleVersionId;

    public static void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(BuildId.ToByteArray());
    }

    /// <summary>Null when the header fits this build, else why the state cannot be used.</summary>
    public static string? Check(BinaryReader reader)
    {
        if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
        {
            return "not detector state of this format version";
        }

        return new Guid(reader.ReadBytes(16)) == BuildId ? null : "written by another build of the detection library: series start cold";
    }

    public static void WriteSeries(BinaryWriter writer, SeriesSnapshot series)
    {
        writer.Write(series.Id.Value);
        writer.Write(series.Name);
        writer.Write(series.State.Length);
        writer.Write(series.State);
    }

    /// <exception cref="EndOfStreamException">The bytes end inside the series.</exception>
    public static SeriesSnapshot ReadSeries(BinaryReader reader)
    {
        var id = new Core.Model.SeriesId(reader.ReadUInt64());
        var name = reader.ReadString();
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(Math.Max(0, length));
        if (length < 0 || bytes.Length != length)
        {
            throw new EndOfStreamException("detector state ends inside a series");
        }

        return new SeriesSnapshot(id, name, bytes);
    }
}
