using System.Net.Http.Headers;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Delivery.Alertmanager;

/// <summary>
/// Posts incidents to Alertmanager's <c>/api/v2/alerts</c> the way Prometheus does: an open incident is an alert
/// whose endsAt lies three resend intervals ahead and that is re-posted every interval while open (so a lost
/// engine lets it expire instead of firing forever); a resolved one is posted once more with endsAt = resolve time.
/// The labels include the services and the top cause, so when either changes the alert under the old label set
/// is resolved in the same request.
/// </summary>
public sealed class AlertmanagerNotifier : IIncidentSink
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _alertsUrl;
    private readonly AlertmanagerOptions _options;
    private readonly string _reportBaseUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Tracked> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    public AlertmanagerNotifier(HttpClient http, AlertmanagerOptions options, string reportBaseUrl, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _alertsUrl = new Uri(options.Url.TrimEnd('/') + "/api/v2/alerts");
        _reportBaseUrl = string.IsNullOrWhiteSpace(options.ReportBaseUrl) ? reportBaseUrl : options.ReportBaseUrl;
        _time = time;
        _logger = logger;
    }

    /// <summary>Incidents currently kept alive.</summary>
    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    public async ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var now = _time.GetUtcNow();
        var alerts = new List<AlertmanagerAlert>(2);
        lock (_lock)
        {
            // Versions arrive in order from the buffer; a strictly older one is a replay and must not reopen.
            if (_versions.TryGetValue(incident.Id, out var known) && known > incident.Version)
            {
                return;
            }

            _versions[incident.Id] = incident.Version;
            var resolved = incident.Status == IncidentStatus.Resolved;
            var endsAt = resolved ? Min(incident.ResolvedAt ?? now, now) : now + (_options.ResendInterval * 3);
            var alert = AlertmanagerAlerts.From(incident, _reportBaseUrl, endsAt);
            alerts.Add(alert);
            if (_open.TryGetValue(incident.Id, out var previous) && previous.Alert.LabelKey != alert.LabelKey)
            {
                alerts.Add(previous.Alert.EndingAt(now));
            }

            if (resolved)
            {
                _open.Remove(incident.Id);
            }
            else
            {
                _open[incident.Id] = new Tracked(alert);
            }
        }

        await PostAsync(alerts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-posts every open incident with a fresh endsAt (the keep-alive).</summary>
    public async Task ResendOpenAsync(CancellationToken cancellationToken)
    {
        var endsAt = _time.GetUtcNow() + (_options.ResendInterval * 3);
        List<AlertmanagerAlert> alerts;
        lock (_lock)
        {
            alerts = new List<AlertmanagerAlert>(_open.Count);
            foreach (var tracked in _open.Values)
            {
                alerts.Add(tracked.Alert.EndingAt(endsAt));
            }
        }

        if (alerts.Count > 0)
        {
            await PostAsync(alerts, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Re-posts open incidents every resend interval until cancelled; a failed round is logged and retried next round.</summary>
    public async Task RunKeepAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.ResendInterval, _time, cancellationToken).ConfigureAwait(false);
                try
                {
                    await ResendOpenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning("alertmanager keep-alive failed ({Error}); next try in {Interval}", ex.Message, _options.ResendInterval);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private async Task PostAsync(IReadOnlyList<AlertmanagerAlert> alerts, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(AlertmanagerAlert.Serialize(alerts));
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_alertsUrl, content, cancellationToken).ConfigureAwait(false);
        await HttpDelivery.EnsureAcceptedAsync(response, "alertmanager", cancellationToken).ConfigureAwait(false);
    }

    private readonly record struct Tracked(AlertmanagerAlert Alert);
}
