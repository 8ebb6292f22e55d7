using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// Loopback ports for servers a test starts that cannot bind port 0 and report it (influxd, nginx, alertmanager,
/// rsyslogd, HttpListener). A port the kernel hands out for port 0 lies in the ephemeral range, which every outgoing
/// connection draws its source port from: between the probe and the server's bind, or while a server is stopped for
/// an outage test, a client socket could take it ("address already in use"). Ports here come from just below that
/// range, where no outgoing connection ever lands, start at a random offset (parallel test processes rarely meet)
/// and are handed out once per test process.
/// </summary>
internal static class LoopbackPorts
{
    private const int Span = 8192;
    private static readonly (int First, int Count) Range = Below(EphemeralRangeStart());
    private static int _next = Random.Shared.Next(Range.Count);

    /// <summary>A loopback port nothing listens on, not handed out before in this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Range.Count; attempt++)
        {
            var port = Range.First + (int)((uint)Interlocked.Increment(ref _next) % (uint)Range.Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port in {Range.First}-{Range.First + Range.Count - 1}");
    }

    /// <summary>
    /// Runs <paramref name="start"/> (which picks its ports with <see cref="Next"/> and cleans up when it fails) again
    /// when its server reported its port as taken: another process can still bind it between probe and use.
    /// </summary>
    public static async Task<T> RetryWhenTakenAsync<T>(Func<Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (Exception ex) when (attempt < 3 && IsAddressInUse(ex.Message))
            {
            }
        }
    }

    /// <summary>Whether a server's failure (its output or exception text) says its port was taken.</summary>
    public static bool IsAddressInUse(string text) => text.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int First, int Count) Below(int ephemeralStart)
    {
        // Ports under 1024 need privileges the test servers may not have; a host whose ephemeral range starts very
        // low leaves a smaller span, never an empty one.
        var first = Math.Max(1024, ephemeralStart - Span);
        return (first, Math.Max(1024, ephemeralStart - first));
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(text.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768; // Linux's default range is 32768-60999
        }
    }
}
