namespace AIOps.Accuracy.Loghub;

/// <summary>One system of Loghub 2k: the Content field of each line and its ground-truth EventId.</summary>
internal sealed record LoghubDataset(string System, IReadOnlyList<string> Contents, IReadOnlyList<string> EventIds)
{
    /// <summary>The 11 systems of the development set, in the order the published tables use.</summary>
    public static readonly string[] Systems =
        ["HDFS", "Hadoop", "Spark", "Zookeeper", "BGL", "HPC", "Windows", "Linux", "Apache", "OpenSSH", "Proxifier"];

    public static string PathOf(string dataDirectory, string system) =>
        Path.Combine(dataDirectory, system, $"{system}_2k.log_structured.csv");

    /// <summary>Reads `System/System_2k.log_structured.csv` (columns looked up by name: Content, EventId).</summary>
    public static LoghubDataset Load(string dataDirectory, string system)
    {
        var path = PathOf(dataDirectory, system);
        using var reader = new StreamReader(path);
        var contents = new List<string>();
        var events = new List<string>();
        int content = -1, eventId = -1;
        foreach (var row in CsvRecords.Read(reader))
        {
            if (content < 0)
            {
                content = row.IndexOf("Content");
                eventId = row.IndexOf("EventId");
                if (content < 0 || eventId < 0)
                {
                    throw new InvalidDataException($"{path}: no Content/EventId header.");
                }

                continue;
            }

            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            contents.Add(row[content]);
            events.Add(row[eventId]);
        }

        return new LoghubDataset(system, contents, events);
    }
}
