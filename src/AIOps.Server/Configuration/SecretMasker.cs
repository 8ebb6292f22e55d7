using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AIOps.Server.Options;

namespace AIOps.Server.Configuration;

/// <summary>
/// Renders options with secrets replaced by <see cref="Mask"/>: any setting whose name looks like a credential
/// (password, secret, token, api key, private key, SASL/TLS key material) at any depth, including raw librdkafka
/// keys in Kafka:ClientConfig, and the user-info part of URLs.
/// </summary>
public static class SecretMasker
{
    public const string Mask = "***";

    // Matched against the name lower-cased with '.', '_' and '-' removed, so sasl.password, SASL_PASSWORD,
    // ApiKey and api-key all match.
    private static readonly string[] SecretFragments =
        ["password", "passwd", "secret", "token", "apikey", "privatekey", "credential", "sslkey", "keystore", "signingkey", "hmackey", "connectionstring"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions Compact = new(Json) { WriteIndented = false };

    public static bool IsSecretName(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var length = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (c is not ('.' or '_' or '-' or ':'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var normalized = buffer[..length];
        foreach (var fragment in SecretFragments)
        {
            if (normalized.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The effective options as a JSON tree (configuration key names), secrets masked.</summary>
    public static JsonObject ToMaskedJson(EngineOptions options)
    {
        var node = JsonSerializer.SerializeToNode(options, Json)!.AsObject();
        MaskNode(node, parentIsSecret: false);
        return node;
    }

    public static string ToMaskedJsonText(EngineOptions options, bool indented = true) =>
        ToMaskedJson(options).ToJsonString(indented ? Json : Compact);

    /// <summary>Replaces user-info in a URL (<c>http://user:pass@host</c>); other text is returned unchanged.</summary>
    public static string MaskUrlCredentials(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            var masked = text.Replace(uri.UserInfo + "@", Mask + "@", StringComparison.Ordinal);
            return masked.Length == text.Length && masked == text ? Mask : masked; // escaped differently: hide it all
        }

        return text;
    }

    private static void MaskNode(JsonNode? node, bool parentIsSecret)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var secret = parentIsSecret || IsSecretName(name);
                    if (secret && obj[name] is JsonValue value)
                    {
                        obj[name] = IsEmpty(value) ? value.DeepClone() : JsonValue.Create(Mask);
                    }
                    else
                    {
                        MaskNode(obj[name], secret);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (parentIsSecret && array[i] is JsonValue)
                    {
                        array[i] = JsonValue.Create(Mask);
                    }
                    else
                    {
                        MaskNode(array[i], parentIsSecret);
                    }
                }

                break;
            case JsonValue leaf when leaf.TryGetValue<string>(out var text):
                var masked = MaskUrlCredentials(text);
                if (!string.Equals(masked, text, StringComparison.Ordinal))
                {
                    leaf.ReplaceWith(JsonValue.Create(masked));
                }

                break;
        }
    }

    // An unset secret shows as unset, so `config show` still tells "not configured" from "configured".
    private static bool IsEmpty(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Null || (value.TryGetValue<string>(out var s) && s.Length == 0);
}
