using System.Text.Json;

namespace AIOps.Ingest.Common;

/// <summary>
/// One member of a JSON object, as offsets into the payload: the name with its quotes (itself a JSON string, so it
/// can be re-read and unescaped) and the value's first token kind and whole extent.
/// </summary>
internal readonly record struct JsonField(int NameStart, int NameLength, bool NameEscaped, JsonTokenType Kind, int ValueStart, int ValueLength);
