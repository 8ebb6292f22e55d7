using AIOps.Core.Ports;
using AIOps.Ingest.Alertmanager;
using AIOps.Ingest.CloudEvents;
using AIOps.Ingest.Influx;
using AIOps.Ingest.Kubernetes;
using AIOps.Ingest.Logs;
using AIOps.Ingest.Otlp;
using AIOps.Ingest.Prometheus;
using AIOps.Ingest.Routing;
using AIOps.Ingest.Syslog;
using AIOps.Ingest.Telegraf;

namespace AIOps.Ingest;

/// <summary>Creates the built-in decoders by format name, and the router over them: all the host needs to call.</summary>
public static class DecoderCatalog
{
    /// <summary>The built-in formats, in the order <see cref="CreateDefault"/> returns them.</summary>
    public static IReadOnlyList<string> Formats { get; } =
    [
        DecoderFormats.Influx,
        DecoderFormats.PrometheusJson,
        DecoderFormats.Alertmanager,
        DecoderFormats.JsonLog,
        DecoderFormats.KubernetesEvent,
        DecoderFormats.CloudEvents,
        DecoderFormats.Syslog,
        DecoderFormats.TelegrafJson,
        DecoderFormats.OtlpJson,
    ];

    /// <summary>One instance of every built-in decoder (they are stateless and thread-safe).</summary>
    public static IReadOnlyList<ITelemetryDecoder> CreateDefault(TimeProvider timeProvider, DecoderOptions? options = null)
    {
        var decoders = new ITelemetryDecoder[Formats.Count];
        for (var i = 0; i < decoders.Length; i++)
        {
            decoders[i] = Create(Formats[i], timeProvider, options);
        }

        return decoders;
    }

    /// <exception cref="ArgumentException">Unknown format name.</exception>
    public static ITelemetryDecoder Create(string format, TimeProvider timeProvider, DecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new DecoderOptions();
        return format switch
        {
            DecoderFormats.Influx => new InfluxLineProtocolDecoder(options.InfluxPrecision),
            DecoderFormats.PrometheusJson => new PrometheusJsonDecoder(),
            DecoderFormats.Alertmanager => new AlertmanagerDecoder(),
            DecoderFormats.JsonLog => new JsonLogDecoder(),
            DecoderFormats.KubernetesEvent => new KubernetesEventDecoder(),

            // CloudEvents data in a known format goes to a private set of the other decoders (no cycle back to itself).
            DecoderFormats.CloudEvents => new CloudEventsDecoder(CreateInnerLookup(timeProvider, options)),
            DecoderFormats.Syslog => new SyslogDecoder(timeProvider),
            DecoderFormats.TelegrafJson => new TelegrafJsonDecoder(),
            DecoderFormats.OtlpJson => new OtlpJsonDecoder(),
            _ => throw new ArgumentException($"unknown decoder format '{format}' (known: {string.Join(", ", Formats)})", nameof(format)),
        };
    }

    private static Func<string, ITelemetryDecoder?> CreateInnerLookup(TimeProvider timeProvider, DecoderOptions options)
    {
        var inner = new Dictionary<string, ITelemetryDecoder>(StringComparer.Ordinal);
        foreach (var format in Formats)
        {
            if (format != DecoderFormats.CloudEvents)
            {
                inner[format] = Create(format, timeProvider, options);
            }
        }

        return format => inner.GetValueOrDefault(format);
    }

    /// <summary>
    /// The router over the built-in decoders plus <paramref name="extraDecoders"/> (e.g. an OTLP protobuf decoder
    /// from an adapter assembly; an extra decoder replaces a built-in one of the same format).
    /// </summary>
    public static TopicDecoderRouter CreateRouter(
        IReadOnlyDictionary<string, string> topicBindings,
        TimeProvider timeProvider,
        DecoderOptions? options = null,
        IEnumerable<ITelemetryDecoder>? extraDecoders = null)
    {
        var decoders = CreateDefault(timeProvider, options).Concat(extraDecoders ?? []);
        return new TopicDecoderRouter(decoders, topicBindings, timeProvider, options);
    }
}
