using AIOps.Core.Model;
using AIOps.Core.Ports;
using InfluxDB.Client;
using InfluxDB.Client.Writes;

namespace AIOps.Influx;

/// <summary>
/// Writes signals and incident annotations to InfluxDB with the client's WriteApiAsync: every call returns only
/// once the server accepted the points and throws otherwise, so the caller (the resilient delivery buffer)
/// decides about retries, batching and spilling. The client's own background WriteApi would swallow failures
/// into events, which is exactly the silent loss this engine must not have.
/// </summary>
public sealed class InfluxSink : IIncidentSink, ISignalSink, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _write;
    private readonly InfluxOptions _options;

    public InfluxSink(InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            throw new ArgumentException("InfluxDB URL is empty.", nameof(options));
        }

        _options = options;
        var client = new InfluxDBClientOptions(options.Url)
        {
            Org = options.Org,
            Bucket = options.Bucket,
            Timeout = options.Timeout,
        };

        // The client refuses an empty token; a 1.x server without auth needs none.
        if (!string.IsNullOrEmpty(options.Token))
        {
            client.Token = options.Token;
        }

        _client = new InfluxDBClient(client);
        _write = _client.GetWriteApiAsync();
    }

    public InfluxOptions Options => _options;

    public ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken) =>
        new(_write.WritePointAsync(InfluxPoints.FromSignal(signal, _options.Precision, _options.SeriesTag), _options.Bucket, _options.Org, cancellationToken));

    public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken) =>
        new(_write.WritePointAsync(InfluxPoints.FromIncident(incident, _options.Precision), _options.Bucket, _options.Org, cancellationToken));

    /// <summary>Writes a batch of signals in one request.</summary>
    public ValueTask WriteSignalsAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var points = new PointData[signals.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = InfluxPoints.FromSignal(signals[i], _options.Precision, _options.SeriesTag);
        }

        return WriteAsync(points, cancellationToken);
    }

    /// <summary>Writes a batch of incident annotations in one request.</summary>
    public ValueTask WriteIncidentsAsync(IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var points = new PointData[incidents.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = InfluxPoints.FromIncident(incidents[i], _options.Precision);
        }

        return WriteAsync(points, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private ValueTask WriteAsync(PointData[] points, CancellationToken cancellationToken) =>
        points.Length == 0
            ? ValueTask.CompletedTask
            : new(_write.WritePointsAsync(points, _options.Bucket, _options.Org, cancellationToken));
}
