using System.Text.Json;
using System.Text.Json.Serialization;
using AIOps.Core.Model;

namespace AIOps.Core.Serialization;

/// <summary>Writes a label set as a plain JSON object, which is how every tool shows labels.</summary>
public sealed class LabelSetJsonConverter : JsonConverter<LabelSet>
{
    public override LabelSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("labels must be a JSON object");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : reader.GetDouble().ToString("R");
            pairs.Add(new(key, value));
        }

        return LabelSet.From(pairs);
    }

    public override void Write(Utf8JsonWriter writer, LabelSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}
