using System.Text;
using System.Text.Json;
using AIOps.Core.Ports;

namespace AIOps.Server.Replay;

/// <summary>
/// Reads one line of a `kcat -C -J` dump: {"topic","partition","offset","ts","key","payload","headers"}.
/// kcat writes headers as a flat array [name, value, name, value, ...]; an object is accepted too.
/// </summary>
public static class KcatEnvelope
{
    public static bool TryParse(string line, out InboundMessage message, out string? error)
    {
        message = default;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "envelope is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("topic", out var topic) || topic.ValueKind != JsonValueKind.String)
            {
                error = "envelope has no topic";
                return false;
            }

            if (!root.TryGetProperty("payload", out var payload))
            {
                error = "envelope has no payload";
                return false;
            }

            message = new InboundMessage(
                topic.GetString()!,
                root.TryGetProperty("partition", out var p) && p.TryGetInt32(out var partition) ? partition : 0,
                root.TryGetProperty("offset", out var o) && o.TryGetInt64(out var offset) ? offset : -1,
                Bytes(payload),
                Headers(root),
                root.TryGetProperty("ts", out var ts) && ts.TryGetInt64(out var millis) ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null,
                root.TryGetProperty("key", out var key) ? Bytes(key) : default);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"envelope is not valid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>Writes a message as a kcat -J line (used to record dumps).</summary>
    public static string Format(string topic, int partition, long offset, DateTimeOffset timestamp, string? key, string payload, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("topic", topic);
            writer.WriteNumber("partition", partition);
            writer.WriteNumber("offset", offset);
            writer.WriteString("tstype", "create");
            writer.WriteNumber("ts", timestamp.ToUnixTimeMilliseconds());
            if (headers is { Count: > 0 })
            {
                writer.WriteStartArray("headers");
                foreach (var (name, value) in headers)
                {
                    writer.WriteStringValue(name);
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            if (key is null)
            {
                writer.WriteNull("key");
            }
            else
            {
                writer.WriteString("key", key);
            }

            writer.WriteString("payload", payload);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static byte[] Bytes(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Encoding.UTF8.GetBytes(element.GetString()!),
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        _ => Encoding.UTF8.GetBytes(element.GetRawText()),
    };

    private static IReadOnlyList<KeyValuePair<string, byte[]>> Headers(JsonElement root)
    {
        if (!root.TryGetProperty("headers", out var headers))
        {
            return InboundMessage.NoHeaders;
        }

        var list = new List<KeyValuePair<string, byte[]>>();
        if (headers.ValueKind == JsonValueKind.Array)
        {
            var items = headers.EnumerateArray().ToList();
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                list.Add(new(items[i].GetString() ?? string.Empty, Bytes(items[i + 1])));
            }
        }
        else if (headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                list.Add(new(header.Name, Bytes(header.Value)));
            }
        }

        return list;
    }
}
