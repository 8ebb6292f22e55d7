using AIOps.Core.Model;

namespace AIOps.Ingest.Common;

/// <summary>
/// A failed message must not leave half of its records behind: decoders note the count before
/// appending and roll back on failure (lists and other indexable collections; the router always passes a list).
/// </summary>
internal static class OutputRollback
{
    public static void To(ICollection<TelemetryRecord> output, int count)
    {
        if (output is List<TelemetryRecord> list)
        {
            if (list.Count > count)
            {
                list.RemoveRange(count, list.Count - count);
            }
        }
        else if (output is IList<TelemetryRecord> indexed)
        {
            while (indexed.Count > count)
            {
                indexed.RemoveAt(indexed.Count - 1);
            }
        }
    }
}
