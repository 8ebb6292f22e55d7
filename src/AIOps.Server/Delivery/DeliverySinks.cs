using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Influx;
using AIOps.Server.Delivery.Alertmanager;
using AIOps.Server.Delivery.Webhook;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging;
using AIOps.Core.Serialization;

namespace AIOps.Server.Delivery;

/// <summary>
/// The configured outbound receivers (InfluxDB, Alertmanager, webhooks), each behind its own resilient buffer.
/// Disposing stops the keep-alive, gives the buffers their grace period and spills what is left.
/// </summary>
public sealed class DeliverySinks : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _buffers = [];
    private readonly List<IDisposable> _owned = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _background = [];

    private DeliverySinks()
    {
    }

    public List<IIncidentSink> IncidentSinks { get; } = [];

    public List<ISignalSink> SignalSinks { get; } = [];

    public List<IDeliveryStatus> Statuses { get; } = [];

    public AlertmanagerNotifier? Alertmanager { get; private set; }

    /// <summary>Builds the sinks whose URL is set; <paramref name="engineUrl"/> is the base of report links.</summary>
    /// <param name="suppressed">Whether operators silenced an incident or marked it noise; notifiers then stop paging for it.</param>
    public static DeliverySinks Create(EngineOptions options, string engineUrl, TimeProvider time, ILoggerFactory loggers, Func<Incident, bool>? suppressed = null)
    {
        IIncidentSink Notifier(IIncidentSink sink) => suppressed is null ? sink : new SuppressibleIncidentSink(sink, suppressed, time);

        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var sinks = new DeliverySinks();
        var delivery = options.Delivery;
        var spill = delivery.SpillDirectory ?? Path.Combine(options.DataDirectory, DeliveryDefaults.SpillFolder);
        var logger = loggers.CreateLogger("AIOps.Delivery");

        if (options.Influx.Enabled)
        {
            var influx = new InfluxSink(options.Influx);
            sinks._owned.Add(influx);
            var signals = sinks.Add(new ResilientSink<Signal>("influx-signals", InfluxDelivery.Classified<Signal>(influx.WriteSignalsAsync), delivery, spill, AiopsJson.Options, time, logger, options.Influx.BatchSize, options.Influx.FlushInterval));
            var incidents = sinks.Add(new ResilientSink<Incident>("influx-incidents", InfluxDelivery.Classified<Incident>(influx.WriteIncidentsAsync), delivery, spill, AiopsJson.Options, time, logger, options.Influx.BatchSize, options.Influx.FlushInterval));
            sinks.SignalSinks.Add(new ResilientSignalSink(signals));
            sinks.IncidentSinks.Add(new ResilientIncidentSink(incidents));
        }

        if (options.Alertmanager.Enabled)
        {
            var http = new HttpClient { Timeout = options.Alertmanager.Timeout };
            sinks._owned.Add(http);
            var notifier = new AlertmanagerNotifier(http, options.Alertmanager, engineUrl, time, logger);
            sinks.Alertmanager = notifier;
            var buffer = sinks.Add(new ResilientSink<Incident>("alertmanager", One<Incident>(notifier.PublishAsync), delivery, spill, AiopsJson.Options, time, logger));
            sinks.IncidentSinks.Add(Notifier(new ResilientIncidentSink(buffer)));
            sinks._background.Add(notifier.RunKeepAliveAsync(sinks._stop.Token));
        }

        if (options.Webhook.Enabled)
        {
            var http = new HttpClient { Timeout = options.Webhook.Timeout };
            sinks._owned.Add(http);
            var index = 0;
            foreach (var url in options.Webhook.Urls)
            {
                if (string.IsNullOrWhiteSpace(url))
                {
                    continue;
                }

                var notifier = new WebhookNotifier(http, new Uri(url), options.Webhook.Secret);
                var buffer = sinks.Add(new ResilientSink<Incident>($"webhook-{index++}", One<Incident>(notifier.PublishAsync), delivery, spill, AiopsJson.Options, time, logger));
                sinks.IncidentSinks.Add(Notifier(new ResilientIncidentSink(buffer)));
            }
        }

        return sinks;
    }

    /// <summary>Adapts a one-item receiver to the batch delegate (its buffer uses batches of one).</summary>
    public static Func<IReadOnlyList<T>, CancellationToken, ValueTask> One<T>(Func<T, CancellationToken, ValueTask> publish) =>
        async (batch, ct) =>
        {
            foreach (var item in batch)
            {
                await publish(item, ct).ConfigureAwait(false);
            }
        };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_background).ConfigureAwait(false);
        foreach (var buffer in _buffers)
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _stop.Dispose();
    }

    private ResilientSink<T> Add<T>(ResilientSink<T> buffer)
        where T : class
    {
        _buffers.Add(buffer);
        Statuses.Add(buffer);
        return buffer;
    }
}
