using System.Text.Json;
using AIOps.Core.Model;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// A severity field and an optional table from the source's own words (Zabbix "Average", GCP "NOTICE") to the
/// engine's severities; values not in the table go through the common parser.
/// </summary>
internal sealed class SeverityMapping(FieldPath? path, IReadOnlyDictionary<string, Severity> table)
{
    public static readonly SeverityMapping None = new(null, new Dictionary<string, Severity>());

    public FieldPath? Field => path;

    /// <summary>The mapped severity, or null when the object has no severity field.</summary>
    public Severity? Read(JsonElement obj)
    {
        if (path?.ResolveScalar(obj) is not { } text)
        {
            return null;
        }

        return table.TryGetValue(text.Trim(), out var mapped) ? mapped : SeverityParser.Parse(text);
    }
}
