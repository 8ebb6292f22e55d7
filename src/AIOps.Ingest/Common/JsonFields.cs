using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AIOps.Ingest.Common;

/// <summary>
/// The members of one JSON object, indexed in a single <see cref="Utf8JsonReader"/> pass over an already validated
/// payload slice, with the same answers as the <see cref="JsonElement"/> accessors in <see cref="Json"/>: a name
/// given twice finds its last occurrence (as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>),
/// escaped names match their unescaped text, and text is decoded only when asked for (so invalid UTF-8 fails exactly
/// where a <see cref="JsonElement"/> read would). Instances are pooled per thread: rent with <see cref="Read"/> or
/// <see cref="Object"/>, give back with Dispose. Keys are ASCII (every key the decoders look up is).
/// </summary>
internal sealed class JsonFields : IDisposable
{
    private const int PooledPerThread = 8;

    /// <summary>For readers over slices the outer reader has validated: only the same text read the same way.</summary>
    public static readonly JsonReaderOptions SliceOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    [ThreadStatic]
    private static Stack<JsonFields>? t_free;

    private JsonField[] _fields = new JsonField[16];
    private ReadOnlyMemory<byte> _json;

    public int Count { get; private set; }

    /// <summary>Indexes the object at <paramref name="json"/> (one whole, valid JSON object).</summary>
    public static JsonFields Read(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span, SliceOptions);
        reader.Read();
        return Read(ref reader, json);
    }

    /// <summary>
    /// Indexes the object <paramref name="reader"/> is on (its start token), reading it through to its end token:
    /// one pass that also validates it. <paramref name="json"/> is the whole text the reader reads.
    /// </summary>
    public static JsonFields Read(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        var fields = t_free is { Count: > 0 } free ? free.Pop() : new JsonFields();
        try
        {
            fields.Index(ref reader, json);
        }
        catch
        {
            fields.Dispose();
            throw;
        }

        return fields;
    }

    public void Dispose()
    {
        _json = default;
        Count = 0;
        var free = t_free ??= new Stack<JsonFields>(PooledPerThread);
        if (free.Count < PooledPerThread)
        {
            free.Push(this);
        }
    }

    public JsonTokenType Kind(int index) => _fields[index].Kind;

    /// <summary>The index of the last member named <paramref name="name"/>, or -1.</summary>
    public int LastIndexOf(string name)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (NameEquals(i, name))
            {
                return i;
            }
        }

        return -1;
    }

    public bool NameEquals(int index, string name)
    {
        Debug.Assert(Ascii.IsValid(name), "keys are ASCII");
        var field = _fields[index];
        var quoted = _json.Span.Slice(field.NameStart, field.NameLength);
        if (!field.NameEscaped)
        {
            return Ascii.Equals(quoted[1..^1], name);
        }

        var reader = StringReader(quoted);
        return reader.ValueTextEquals(name);
    }

    /// <summary>The member's name, as <see cref="JsonProperty.Name"/> (cached, see <see cref="JsonTextCache"/>).</summary>
    public string Name(int index)
    {
        var field = _fields[index];
        return JsonTextCache.Text(_json.Span.Slice(field.NameStart, field.NameLength));
    }

    /// <summary>A string member's text, as <see cref="JsonElement.GetString"/>.</summary>
    public string GetString(int index)
    {
        Debug.Assert(_fields[index].Kind == JsonTokenType.String, "a string member");
        var reader = StringReader(Value(index));
        return reader.GetString()!;
    }

    /// <summary>As <see cref="Json.Scalar"/>: a string, a number as written, true/false; null otherwise.</summary>
    public string? Scalar(int index) => _fields[index].Kind switch
    {
        JsonTokenType.String => GetString(index),
        JsonTokenType.Number => Encoding.UTF8.GetString(Value(index)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>As <see cref="Json.String"/>: the last member of that name as a scalar, or null.</summary>
    public string? String(string name) => LastIndexOf(name) is >= 0 and var index ? Scalar(index) : null;

    /// <summary>As <see cref="Json.FirstString"/>.</summary>
    public string? FirstString(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var value = String(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>As <see cref="Json.TryGetTimestamp(JsonElement, out DateTimeOffset)"/> on a member.</summary>
    public bool TryGetTimestamp(int index, out DateTimeOffset result)
    {
        result = default;
        switch (_fields[index].Kind)
        {
            case JsonTokenType.Number:
                var reader = StringReader(Value(index));
                return reader.TryGetDouble(out var number) && Timestamps.TryFromUnixAuto(number, out result);
            case JsonTokenType.String:
                return Json.TryParseTimestamp(GetString(index), out result);
            default:
                return false;
        }
    }

    /// <summary>As <see cref="Json.Object"/>: the last member of that name when it is an object, indexed; else null.</summary>
    public JsonFields? Object(string name) => LastIndexOf(name) is >= 0 and var index ? Object(index) : null;

    public JsonFields? Object(int index)
    {
        var field = _fields[index];
        return field.Kind == JsonTokenType.StartObject ? Read(_json.Slice(field.ValueStart, field.ValueLength)) : null;
    }

    /// <summary>As <see cref="Json.AddScalars"/>: every scalar member in order, names optionally prefixed.</summary>
    public void AddScalars(List<KeyValuePair<string, string>> items, string? prefix)
    {
        for (var i = 0; i < Count; i++)
        {
            var value = Scalar(i);
            if (value is not null)
            {
                var name = Name(i);
                items.Add(new(prefix is null ? name : prefix + name, value));
            }
        }
    }

    /// <summary>As <see cref="Json.ToLabels"/> with nothing skipped.</summary>
    public Core.Model.LabelSet ToLabels()
    {
        var items = Labels.Rent();
        AddScalars(items, prefix: null);
        return Labels.BuildAndReturn(items);
    }

    /// <summary>The member's value as written (a container with everything inside it).</summary>
    public ReadOnlySpan<byte> Raw(int index) => Value(index);

    private ReadOnlySpan<byte> Value(int index)
    {
        var field = _fields[index];
        return _json.Span.Slice(field.ValueStart, field.ValueLength);
    }

    // A reader on a lone scalar token (a quoted name, a string or a number), positioned on it.
    private static Utf8JsonReader StringReader(ReadOnlySpan<byte> token)
    {
        var reader = new Utf8JsonReader(token, SliceOptions);
        reader.Read();
        return reader;
    }

    private void Index(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        _json = json;
        Count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length + 2;
            var nameEscaped = reader.ValueIsEscaped;
            reader.Read();
            var kind = reader.TokenType;
            var valueStart = (int)reader.TokenStartIndex;
            reader.Skip(); // a container to its end token; a scalar stays
            if (Count == _fields.Length)
            {
                Array.Resize(ref _fields, Count * 2);
            }

            _fields[Count++] = new JsonField(nameStart, nameLength, nameEscaped, kind, valueStart, (int)reader.BytesConsumed - valueStart);
        }
    }
}
