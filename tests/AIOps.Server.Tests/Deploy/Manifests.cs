using System.Collections;
using System.Reflection;
using AIOps.Server.Configuration;
using AIOps.Server.Options;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace AIOps.Server.Tests.Deploy;

/// <summary>Reads deploy/ files: YAML documents as plain dictionaries and lists, paths from the repository root.</summary>
internal static class Manifests
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([RepoRoot, .. parts]);

    public static List<Dictionary<object, object>> LoadAll(string path)
    {
        var documents = new List<Dictionary<object, object>>();
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<Dictionary<object, object>>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> Load(string path) => Assert.Single(LoadAll(path));

    /// <summary>Walks string keys and list indexes; fails the test with the path when a step is missing.</summary>
    public static object At(object node, params object[] path)
    {
        var current = node;
        foreach (var step in path)
        {
            current = (current, step) switch
            {
                (IDictionary<object, object> map, string key) when map.TryGetValue(key, out var next) => next,
                (IList<object> list, int index) when index < list.Count => list[index],
                _ => throw new Xunit.Sdk.XunitException($"no '{string.Join("/", path)}' (stopped at '{step}')"),
            };
        }

        return current;
    }

    public static string Text(object node, params object[] path) => Convert.ToString(At(node, path), System.Globalization.CultureInfo.InvariantCulture)!;

    public static Dictionary<object, object> Map(object node, params object[] path) => Assert.IsType<Dictionary<object, object>>(At(node, path));

    public static List<object> List(object node, params object[] path) => Assert.IsType<List<object>>(At(node, path));

    /// <summary>Whether a configuration key names a real setting of <see cref="EngineOptions"/> (any key below a dictionary).</summary>
    public static bool IsKnownKey(string key)
    {
        var type = typeof(EngineOptions);
        foreach (var segment in key.Split(':'))
        {
            if (typeof(IDictionary).IsAssignableFrom(type))
            {
                return true;
            }

            // A list element (Webhook:Urls:0) binds to an item of the list.
            if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && int.TryParse(segment, out _))
            {
                type = type.GetGenericArguments()[0];
                continue;
            }

            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return type.IsValueType || type == typeof(string);
    }

    /// <summary>Environment variables as the engine maps them to configuration keys.</summary>
    public static IEnumerable<string> KeysOf(IDictionary environment) => EngineConfiguration.EnvironmentEntries(environment).Select(e => e.Key);

    public static int PortOf(string url) => new Uri(url.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AIOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AIOps.sln not found above " + AppContext.BaseDirectory);
    }
}
