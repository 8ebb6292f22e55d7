using InfluxDB.Client.Api.Domain;

namespace AIOps.Influx;

/// <summary>Defaults of <see cref="InfluxOptions"/>; measurement names are part of the dashboard contract.</summary>
public static class InfluxDefaults
{
    public const string SignalMeasurement = "aiops_signal";
    public const string IncidentMeasurement = "aiops_incident";
    public const string Org = "aiops";
    public const string Bucket = "aiops";
    public const WritePrecision Precision = WritePrecision.Ms;
    public const int BatchSize = 500;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
}
