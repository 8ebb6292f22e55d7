using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AIOps.Detection.Rules;

/// <summary>
/// Reads rules/detection.yaml. Every problem is reported with file and line, all at once, so a bad edit is fixed
/// in one pass; the engine refuses to start on an invalid file rather than guess.
/// </summary>
public static class DetectionRulesFile
{
    public const string FileName = "detection.yaml";

    /// <summary>The detector name that means the engine's gated live default.</summary>
    public const string LiveDetector = "live";

    private static readonly string[] RuleKeys = ["match", "detector", "threshold", "direction", "minDuration", "season", "stuck", "counter"];

    public static DetectionRules Load(string path) => Parse(File.ReadAllText(path), path);

    public static DetectionRules Parse(string yaml, string sourceName = FileName)
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{sourceName}:{ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return DetectionRules.Empty;
        }

        var defaults = new DetectionRule("*");
        var metrics = new List<DetectionRule>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "defaults" when value is YamlMappingNode map:
                    defaults = ReadRule(map, sourceName, errors, requireMatch: false);
                    break;
                case "metrics" when value is YamlSequenceNode list:
                    metrics.AddRange(list.Children.OfType<YamlMappingNode>().Select(m => ReadRule(m, sourceName, errors, requireMatch: true)));
                    break;
                default:
                    errors.Add($"{sourceName}:{keyNode.Start.Line}: unknown or malformed section '{key}' (expected defaults: mapping, metrics: list)");
                    break;
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }

        return new DetectionRules(defaults, metrics);
    }

    private static DetectionRule ReadRule(YamlMappingNode map, string source, List<string> errors, bool requireMatch)
    {
        string? Text(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
        long LineOf(string key) => map.Children.Keys.FirstOrDefault(k => ((YamlScalarNode)k).Value == key)?.Start.Line ?? map.Start.Line;
        void Fail(string key, string message) => errors.Add($"{source}:{LineOf(key)}: {message}");

        foreach (var key in map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !RuleKeys.Contains(k)))
        {
            Fail(key, $"unknown key '{key}' (known: {string.Join(", ", RuleKeys)})");
        }

        var match = Text("match");
        if (requireMatch && string.IsNullOrWhiteSpace(match))
        {
            errors.Add($"{source}:{map.Start.Line}: a metrics entry needs 'match' (a metric-name glob such as '*latency*')");
        }

        var detector = Text("detector");
        if (detector is not null && detector != LiveDetector && !DetectorCatalog.TryCreate(detector, out _))
        {
            Fail("detector", $"unknown detector '{detector}' (known: {LiveDetector}, {string.Join(", ", DetectorCatalog.Names)})");
        }

        double? threshold = null;
        if (Text("threshold") is { } t)
        {
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1)
            {
                threshold = value;
            }
            else
            {
                Fail("threshold", $"threshold must be a number between 0 and 1 (exclusive), not '{t}'");
            }
        }

        SignalDirection? direction = null;
        if (Text("direction") is { } d)
        {
            if (Enum.TryParse<SignalDirection>(d, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                direction = parsed;
            }
            else
            {
                Fail("direction", $"direction must be up, down or both, not '{d}'");
            }
        }

        TimeSpan? minDuration = null;
        if (Text("minDuration") is { } m)
        {
            if (DurationText.TryParse(m, out var parsed))
            {
                minDuration = parsed;
            }
            else
            {
                Fail("minDuration", $"minDuration must be a duration such as 30s, 5m or 1h, not '{m}'");
            }
        }

        SeasonHint? season = null;
        if (Text("season") is { } seasonText && !SeasonHint.TryParse(seasonText, out season))
        {
            Fail("season", $"season must be auto, none, hourly, daily, weekly or a duration of at least 1m such as 12h, not '{seasonText}'");
        }

        bool? stuck = null;
        if (Text("stuck") is { } stuckText)
        {
            if (bool.TryParse(stuckText, out var parsed))
            {
                stuck = parsed;
            }
            else
            {
                Fail("stuck", $"stuck must be true or false, not '{stuckText}'");
            }
        }

        CounterMode? counter = null;
        if (Text("counter") is { } counterText)
        {
            counter = counterText.ToLowerInvariant() switch
            {
                "auto" => CounterMode.Auto,
                "true" => CounterMode.Counter,
                "false" => CounterMode.Gauge,
                _ => null,
            };
            if (counter is null)
            {
                Fail("counter", $"counter must be auto, true or false, not '{counterText}'");
            }
        }

        return new DetectionRule(match ?? "*", detector, threshold, direction, minDuration, season, stuck, counter);
    }
}
