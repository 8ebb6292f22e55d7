using System.Reflection;
using System.Runtime.InteropServices;

namespace AIOps.Kafka.Embedded;

/// <summary>
/// Finds the librdkafka native library that librdkafka.redist copies into the build output
/// (<c>runtimes/&lt;rid&gt;/native</c>), the same file Confluent.Kafka loads, so the P/Invokes need
/// no system-wide install.
/// </summary>
internal static class LibRdKafkaResolver
{
    public const string LibraryName = "librdkafka";

    private static int s_registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LibRdKafkaResolver).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        // A copy Confluent.Kafka already loaded comes first: handles are shared between the two bindings.
        foreach (var candidate in MappedCopies().Concat(Candidates()))
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        // Fall back to the default probing (a system librdkafka, LD_LIBRARY_PATH).
        return NativeLibrary.TryLoad(libraryName, assembly, searchPath, out var fallback) ? fallback : IntPtr.Zero;
    }

    /// <summary>The librdkafka files mapped into this process (Linux, from /proc/self/maps; empty elsewhere).</summary>
    internal static IReadOnlyList<string> MappedCopies()
    {
        const string maps = "/proc/self/maps";
        if (!OperatingSystem.IsLinux() || !File.Exists(maps))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var line in File.ReadLines(maps))
        {
            // "address perms offset dev inode   /path": the path starts at the first '/' after the inode.
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue;
            }

            var path = line[slash..];
            if (Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal) && !found.Contains(path))
            {
                found.Add(path);
            }
        }

        return found;
    }

    internal static IEnumerable<string> Candidates()
    {
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            _ => "x64",
        };
        string os;
        string[] files;
        if (OperatingSystem.IsWindows())
        {
            (os, files) = ("win", ["librdkafka.dll"]);
        }
        else if (OperatingSystem.IsMacOS())
        {
            (os, files) = ("osx", ["librdkafka.dylib"]);
        }
        else
        {
            // Same order as Confluent.Kafka: the plain build links libsasl2.so.3, which Debian/Ubuntu lack
            // (they ship .so.2); the centos8 build links SASL statically; alpine is for musl.
            (os, files) = ("linux", ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"]);
        }

        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", $"{os}-{arch}", "native");
        foreach (var file in files)
        {
            yield return Path.Combine(native, file);
        }

        yield return Path.Combine(AppContext.BaseDirectory, files[0]);
    }
}
