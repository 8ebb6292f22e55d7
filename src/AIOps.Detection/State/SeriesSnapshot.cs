using AIOps.Core.Model;

namespace AIOps.Detection.State;

/// <summary>One series' detector state as bytes (valid for the build that wrote it).</summary>
internal sealed record SeriesSnapshot(SeriesId Id, string Name, byte[] State);
