using System.Buffers;
using System.Text.Json;

namespace AIOps.Server.Delivery.Alertmanager;

/// <summary>One element of the <c>POST /api/v2/alerts</c> body (Alertmanager's postableAlert).</summary>
internal sealed record AlertmanagerAlert(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string GeneratorUrl)
{
    /// <summary>Identity of the alert in Alertmanager: the label set (empty values are absent labels there).</summary>
    public string LabelKey
    {
        get
        {
            var key = new System.Text.StringBuilder();
            foreach (var (name, value) in Labels)
            {
                key.Append(name).Append('=').Append(value).Append('\u001f');
            }

            return key.ToString();
        }
    }

    // Alertmanager refuses an alert that ends before it starts (event time can run ahead of the wall clock).
    public AlertmanagerAlert EndingAt(DateTimeOffset endsAt) => this with { EndsAt = endsAt, StartsAt = StartsAt <= endsAt ? StartsAt : endsAt };

    public static byte[] Serialize(IReadOnlyList<AlertmanagerAlert> alerts)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var alert in alerts)
            {
                json.WriteStartObject();
                WriteMap(json, "labels", alert.Labels);
                WriteMap(json, "annotations", alert.Annotations);
                json.WriteString("startsAt", alert.StartsAt.UtcDateTime);
                json.WriteString("endsAt", alert.EndsAt.UtcDateTime);
                json.WriteString("generatorURL", alert.GeneratorUrl);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyList<KeyValuePair<string, string>> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            if (value.Length > 0)
            {
                json.WriteString(key, value);
            }
        }

        json.WriteEndObject();
    }
}
