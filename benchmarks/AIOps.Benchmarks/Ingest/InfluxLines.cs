using System.Globalization;
using System.Text;

namespace AIOps.Benchmarks.Ingest;

/// <summary>
/// Telegraf-like cpu lines of about 118 bytes (3 fields, 800 series: 100 hosts x 8 cpus), the message of the
/// end-to-end ingest harness and of the decode+normalize benchmark.
/// </summary>
internal static class InfluxLines
{
    /// <summary>Line <paramref name="i"/>; a series gets a new point every 10 s after <paramref name="startNanos"/>.</summary>
    public static string Line(int i, long startNanos)
    {
        var host = i % 100;
        var cpu = (i / 100) % 8;
        var step = i / 800;
        var idle = 90 + ((i * 7919) % 10_000) / 1000.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu,cpu=cpu{cpu},host=web-{host:000},region=eu-west-1 usage_idle={idle:0.0000},usage_system=0.7594,usage_user={100 - idle - 0.7594:0.0000} {startNanos + (step * 10_000_000_000L)}");
    }

    public static byte[] Bytes(int i, long startNanos) => Encoding.UTF8.GetBytes(Line(i, startNanos));
}
