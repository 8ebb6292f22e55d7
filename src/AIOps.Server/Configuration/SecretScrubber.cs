using System.Text.Json.Nodes;
using AIOps.Server.Options;

namespace AIOps.Server.Configuration;

/// <summary>
/// A last line of defence for free text from outside our code (librdkafka log lines, exception messages): every
/// configured secret value is replaced by <see cref="SecretMasker.Mask"/> before the text is logged.
/// </summary>
public sealed class SecretScrubber
{
    // Shorter values (e.g. "1", "on") would mask ordinary words; real secrets are longer.
    private const int MinimumLength = 4;

    private readonly string[] _secrets;

    public SecretScrubber(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        Collect(System.Text.Json.JsonSerializer.SerializeToNode(options), parentIsSecret: false, secrets);
        _secrets = [.. secrets.Where(s => s.Length >= MinimumLength).OrderByDescending(s => s.Length)];
    }

    public int Count => _secrets.Length;

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, SecretMasker.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static void Collect(JsonNode? node, bool parentIsSecret, HashSet<string> secrets)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Collect(child, parentIsSecret || SecretMasker.IsSecretName(name), secrets);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, parentIsSecret, secrets);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (parentIsSecret)
                {
                    secrets.Add(text);
                }
                else if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal))
                {
                    secrets.Add(Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]));
                }

                break;
        }
    }
}
