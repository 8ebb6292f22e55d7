using System.Collections;
using System.Text.RegularExpressions;
using AIOps.Kafka;
using AIOps.Server.Options;
using AIOps.Server.Telemetry;

namespace AIOps.Server.Tests.Deploy;

/// <summary>docs/operating.md names only settings and metrics that exist.</summary>
public sealed partial class OperatingDocTests
{
    private readonly string _doc = File.ReadAllText(Manifests.Path("docs", "operating.md"));

    [Fact]
    public void EnvironmentVariables_AreAllRealSettings()
    {
        var names = EnvVar().Matches(_doc).Select(m => m.Value.Replace("<topic>", "t", StringComparison.Ordinal).Replace("<key with _ for .>", "x", StringComparison.Ordinal)).Distinct().ToList();

        Assert.True(names.Count >= 25, $"{names.Count} variables");
        Assert.All(Manifests.KeysOf(new Hashtable(names.ToDictionary(n => n, _ => "x"))), key => Assert.True(Manifests.IsKnownKey(key), key));
    }

    [Fact]
    public void SettingsTable_CoversEveryScalarSetting()
    {
        var documented = KeyCell().Matches(_doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = ScalarKeys(typeof(EngineOptions), string.Empty).Where(k => !documented.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "docs/operating.md does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public void Topics_AreTheDefaults()
    {
        Assert.All(KafkaDefaults.InputTopics.Keys, t => Assert.Contains($"`{t}`", _doc, StringComparison.Ordinal));
        Assert.Contains($"`{EngineTelemetry.PublishActivity}`", _doc, StringComparison.Ordinal);
    }

    private static IEnumerable<string> ScalarKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var t = property.PropertyType;
            if (typeof(IDictionary).IsAssignableFrom(t))
            {
                continue;
            }

            if (t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t))
            {
                foreach (var key in ScalarKeys(t, prefix + property.Name + ":"))
                {
                    yield return key;
                }
            }
            else
            {
                yield return prefix + property.Name;
            }
        }
    }

    [GeneratedRegex(@"AIOPS_[A-Za-z0-9_]+(?:<topic>|<key with _ for \.>)?")]
    private static partial Regex EnvVar();

    [GeneratedRegex(@"^\| `([A-Za-z:]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyCell();
}
