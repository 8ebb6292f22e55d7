namespace AIOps.Ingest;

/// <summary>Defaults for <see cref="DecoderOptions"/>.</summary>
public static class DecoderDefaults
{
    public const int MaxPayloadBytes = 1024 * 1024;

    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    public static readonly DateTimeOffset MinTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string InfluxPrecision = "ns";
}
