using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AIOps.Ingest;
using AIOps.Kafka;
using AIOps.Server.Options;

namespace AIOps.Server.Configuration;

/// <summary>
/// Data annotations on every options object reachable from <see cref="EngineOptions"/> (so sections added
/// later are validated too), then the checks annotations cannot express. Problems name the configuration key.
/// </summary>
internal static class EngineOptionsValidator
{
    /// <summary>librdkafka settings the delivery guarantee or the top-level options own.</summary>
    private static readonly string[] ReservedClientKeys =
        ["bootstrap.servers", "group.id", "enable.auto.commit", "enable.auto.offset.store", "acks", "enable.idempotence"];

    public static List<string> Validate(EngineOptions options)
    {
        var problems = new List<string>();
        Annotations(options, string.Empty, problems, depth: 0);
        Host(options, problems);
        Kafka(options.Kafka, problems);
        Detection(options, problems);
        Correlation(options, problems);
        Telemetry(options.Telemetry, problems);
        return problems;
    }

    private static void Annotations(object target, string prefix, List<string> problems, int depth)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? string.Join(",", result.MemberNames.Select(m => prefix + m)) : prefix.TrimEnd(':');
            problems.Add($"{members}: {result.ErrorMessage}");
        }

        if (depth > 4)
        {
            return;
        }

        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            if (property.GetIndexParameters().Length == 0 && type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
                && property.GetValue(target) is { } child)
            {
                Annotations(child, $"{prefix}{property.Name}:", problems, depth + 1);
            }
        }
    }

    private static void Host(EngineOptions options, List<string> problems)
    {
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{ConfigurationKeys.Urls}: '{url}' is not an absolute http(s) URL");
            }
        }

        if (options.RulesDirectory is { Length: > 0 } rules && !Directory.Exists(rules))
        {
            problems.Add($"{ConfigurationKeys.RulesDirectory}: directory '{Path.GetFullPath(rules)}' does not exist");
        }
    }

    private static void Kafka(KafkaOptions kafka, List<string> problems)
    {
        foreach (var server in kafka.BootstrapServers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = server.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(server.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
            {
                problems.Add($"{ConfigurationKeys.BootstrapServers}: '{server}' is not host:port");
            }
        }

        if (string.IsNullOrWhiteSpace(kafka.GroupId))
        {
            problems.Add($"{ConfigurationKeys.GroupId}: required");
        }

        if (kafka.InputTopics.Count == 0)
        {
            problems.Add("Kafka:InputTopics: at least one input topic is required");
        }

        foreach (var (topic, format) in kafka.InputTopics)
        {
            if (!string.IsNullOrEmpty(format) && format != KafkaDefaults.AutoFormat && !DecoderCatalog.Formats.Contains(format))
            {
                problems.Add($"Kafka:InputTopics:{topic}: unknown format '{format}' (known: {KafkaDefaults.AutoFormat}, {string.Join(", ", DecoderCatalog.Formats)})");
            }
        }

        OutputTopic("Kafka:DlqTopic", kafka.DlqTopic, kafka, problems);
        OutputTopic("Kafka:IncidentsTopic", kafka.IncidentsTopic, kafka, problems);
        OutputTopic("Kafka:SignalsTopic", kafka.SignalsTopic, kafka, problems);
        if (kafka.IdleIntervalMs <= 0)
        {
            problems.Add("Kafka:IdleIntervalMs: must be positive");
        }

        foreach (var key in kafka.ClientConfig.Keys)
        {
            if (ReservedClientKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{ConfigurationKeys.ClientConfig}:{key}: set by the engine (use Kafka:BootstrapServers / Kafka:GroupId; the delivery guarantee fixes the rest)");
            }
        }
    }

    private static void OutputTopic(string key, string topic, KafkaOptions kafka, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            problems.Add($"{key}: required");
        }
        else if (kafka.InputTopics.ContainsKey(topic))
        {
            problems.Add($"{key}: '{topic}' is also an input topic (the engine would consume its own output)");
        }
    }

    private static void Detection(EngineOptions options, List<string> problems)
    {
        var d = options.Detection;
        Positive("Detection:SignalThreshold", d.SignalThreshold, problems);
        Positive("Detection:RepeatInterval", d.RepeatInterval, problems);
        Positive("Detection:LogBucket", d.LogBucket, problems);
        AtLeast("Detection:CalmPointsToEnd", d.CalmPointsToEnd, 1, problems);
        AtLeast("Detection:NoveltyWarmupLogs", d.NoveltyWarmupLogs, 0, problems);
        AtLeast("Detection:MaxSeries", d.MaxSeries, 1, problems);
    }

    private static void Correlation(EngineOptions options, List<string> problems)
    {
        var c = options.Correlation;
        Positive("Correlation:Window", c.Window, problems);
        Positive("Correlation:QuietPeriod", c.QuietPeriod, problems);
        NotNegative("Correlation:ReopenWindow", c.ReopenWindow, problems);
        NotNegative("Correlation:ChangeLookback", c.ChangeLookback, problems);
        AtLeast("Correlation:MaxHops", c.MaxHops, 0, problems);
        if (double.IsNaN(c.MinOpenScore) || c.MinOpenScore < 0)
        {
            problems.Add("Correlation:MinOpenScore: must be zero or more");
        }
    }

    private static void Telemetry(TelemetryOptions telemetry, List<string> problems)
    {
        if (telemetry.OtlpEndpoint.Length > 0
            && (!Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{ConfigurationKeys.OtlpEndpoint}: '{telemetry.OtlpEndpoint}' is not an absolute http(s) URL (empty turns OTLP off)");
        }

        if (!TelemetryDefaults.OtlpProtocols.Contains(telemetry.OtlpProtocol))
        {
            problems.Add($"{ConfigurationKeys.OtlpProtocol}: '{telemetry.OtlpProtocol}' is not one of {string.Join(", ", TelemetryDefaults.OtlpProtocols)}");
        }

        if (!TelemetryDefaults.LogFormats.Contains(telemetry.LogFormat))
        {
            problems.Add($"{ConfigurationKeys.LogFormat}: '{telemetry.LogFormat}' is not one of {string.Join(", ", TelemetryDefaults.LogFormats)}");
        }

        if (telemetry.PrometheusPath.Length > 0 && !telemetry.PrometheusPath.StartsWith('/'))
        {
            problems.Add($"{ConfigurationKeys.PrometheusPath}: must start with '/' (empty turns it off)");
        }
    }

    private static void Positive(string key, double value, List<string> problems)
    {
        if (!(value > 0))
        {
            problems.Add($"{key}: must be positive");
        }
    }

    private static void Positive(string key, TimeSpan value, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key}: must be a positive duration (e.g. 00:05:00)");
        }
    }

    private static void NotNegative(string key, TimeSpan value, List<string> problems)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add($"{key}: must not be negative");
        }
    }

    private static void AtLeast(string key, int value, int minimum, List<string> problems)
    {
        if (value < minimum)
        {
            problems.Add($"{key}: must be at least {minimum}");
        }
    }
}
