using System.ComponentModel.DataAnnotations;
using InfluxDB.Client.Api.Domain;

namespace AIOps.Influx;

/// <summary>Where signals and incident annotations are written. Off while <see cref="Url"/> is empty.</summary>
public sealed class InfluxOptions
{
    /// <summary>InfluxDB 2.x base URL (or a 1.x server behind the <c>/api/v2/write</c> rewrite); empty disables the sink.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>API token; a secret (never logged).</summary>
    public string Token { get; set; } = string.Empty;

    [Required]
    public string Org { get; set; } = InfluxDefaults.Org;

    /// <summary>The bucket (the database on 1.x behind the rewrite).</summary>
    [Required]
    public string Bucket { get; set; } = InfluxDefaults.Bucket;

    /// <summary>Timestamp precision of the written points; milliseconds is what event times carry.</summary>
    public WritePrecision Precision { get; set; } = InfluxDefaults.Precision;

    /// <summary>Most points per write request.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = InfluxDefaults.BatchSize;

    /// <summary>How long a partial batch waits for more points before it is written.</summary>
    public TimeSpan FlushInterval { get; set; } = InfluxDefaults.FlushInterval;

    /// <summary>HTTP timeout of one write request.</summary>
    public TimeSpan Timeout { get; set; } = InfluxDefaults.Timeout;

    /// <summary>
    /// Adds the signal's fingerprint as a <c>series</c> tag. Off by default to keep cardinality at the estate's
    /// entities and indicators; turn it on when one entity has several series of the same metric (per route, per
    /// disk), whose simultaneous signals would otherwise land on the same point and overwrite each other.
    /// </summary>
    public bool SeriesTag { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
