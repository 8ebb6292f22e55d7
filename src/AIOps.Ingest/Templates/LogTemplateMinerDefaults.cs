namespace AIOps.Ingest.Templates;

/// <summary>Defaults of <see cref="LogTemplateMinerOptions"/>; one configuration for every log source.</summary>
public static class LogTemplateMinerDefaults
{
    /// <summary>The parameter placeholder in templates.</summary>
    public const string Wildcard = "<*>";

    /// <summary>Tree depth as Drain counts it: root, token-count layer, then Depth - 2 prefix-token layers.</summary>
    public const int Depth = 4;

    public const double SimilarityThreshold = 0.8;

    public const int SettledAfter = 50;

    public const int MaxChildren = 100;

    public const int MaxClusters = 50_000;

    /// <summary>
    /// Generic masks: identifiers and quantities whose values never distinguish events.
    /// Order matters: compound shapes first so a later number rule cannot split them.
    /// </summary>
    public static IReadOnlyList<MaskingRule> MaskingRules { get; } =
    [
        new("timestamp", @"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b"),
        new("ctime", @"\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}(?:\s+\d{4})?\b"),
        new("uuid", @"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"),
        new("ipv4", @"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])"),
        new("hex", @"(?<![\w.])0[xX][0-9a-fA-F]+(?![\w.])"),
        new("path", @"(?<![\w.:/])(?:[A-Za-z]:)?(?:[/\\][\w.\-$~]+){2,}[/\\]?"),
        new("hexid", @"(?<![A-Za-z0-9])(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}(?![A-Za-z0-9])"),
        new("time", @"(?<![\w.:])\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?![\w.:])"),
        new("quantity", @"(?<![\w.])[<>~]?\d+(?:\.\d+)?\s?(?:ns|us|µs|ms|s|sec|secs|seconds|min|mins|minutes|h|hours|[KMGT]i?B|B)(?![\w.])"),
        new("number", @"(?<![A-Za-z0-9])[-+]?\d+(?:\.\d+)*(?![A-Za-z0-9])"),
    ];
}
