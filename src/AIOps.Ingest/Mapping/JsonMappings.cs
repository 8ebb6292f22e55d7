using AIOps.Core.Ports;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// Loads the declarative JSON sources of a rules directory (<c>mappings/*.yaml</c>, in file-name order) as decoders
/// that plug into the router beside the built-in formats.
/// </summary>
public static class JsonMappings
{
    public const string DirectoryName = "mappings";

    /// <summary>Every mapping of <paramref name="rulesDirectory"/>/mappings; problems (file:line:column) in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ITelemetryDecoder> LoadDirectory(string rulesDirectory, out IReadOnlyList<MappingError> errors)
    {
        var problems = new List<MappingError>();
        var decoders = new List<ITelemetryDecoder>();
        var directory = Path.Combine(rulesDirectory, DirectoryName);
        errors = problems;
        if (!Directory.Exists(directory))
        {
            return decoders;
        }

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(directory, "*.y*ml").Order(StringComparer.Ordinal))
        {
            if (JsonMappingFile.Parse(File.ReadAllText(file), file, problems) is not { } mapping)
            {
                continue;
            }

            if (DecoderCatalog.Formats.Contains(mapping.Name) || mapping.Name is DecoderFormats.Auto or DecoderFormats.Router)
            {
                problems.Add(new MappingError(file, 1, 1, $"name '{mapping.Name}' is a built-in format; choose another"));
            }
            else if (names.TryGetValue(mapping.Name, out var first))
            {
                problems.Add(new MappingError(file, 1, 1, $"name '{mapping.Name}' is already defined in {first}"));
            }
            else
            {
                names[mapping.Name] = file;
                decoders.Add(new JsonMappingDecoder(mapping));
            }
        }

        return decoders;
    }

    /// <summary>Like <see cref="LoadDirectory"/>, but any problem stops start-up with every message.</summary>
    /// <exception cref="InvalidDataException">A mapping file is invalid.</exception>
    public static IReadOnlyList<ITelemetryDecoder> LoadOrThrow(string rulesDirectory)
    {
        var decoders = LoadDirectory(rulesDirectory, out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidDataException("invalid JSON mappings:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return decoders;
    }
}
