namespace AIOps.Ingest.Syslog;

/// <summary>RFC 5424 STRUCTURED-DATA: <c>[id param="value" ...][id2 ...]</c>, values escape <c>"</c>, <c>\</c> and <c>]</c>.</summary>
internal static class StructuredData
{
    /// <summary>Reads elements at <paramref name="pos"/> as <c>sd.&lt;id&gt;.&lt;param&gt;</c> pairs.</summary>
    public static bool TryParse(string text, ref int pos, List<KeyValuePair<string, string>> output, out string? error)
    {
        error = null;
        if (pos >= text.Length || text[pos] != '[')
        {
            error = "RFC 5424 structured data must be '-' or start with '['";
            return false;
        }

        while (pos < text.Length && text[pos] == '[')
        {
            pos++;
            var idEnd = text.IndexOfAny([' ', ']'], pos);
            if (idEnd <= pos)
            {
                error = "structured data element without an id";
                return false;
            }

            var id = text[pos..idEnd];
            pos = idEnd;
            while (pos < text.Length && text[pos] == ' ')
            {
                pos++;
                var eq = text.IndexOf('=', pos);
                if (eq <= pos || eq + 1 >= text.Length || text[eq + 1] != '"')
                {
                    error = $"structured data element '{id}' has a malformed parameter";
                    return false;
                }

                var name = text[pos..eq];
                pos = eq + 2;
                var value = new System.Text.StringBuilder();
                while (pos < text.Length && text[pos] != '"')
                {
                    if (text[pos] == '\\' && pos + 1 < text.Length && text[pos + 1] is '"' or '\\' or ']')
                    {
                        pos++;
                    }

                    value.Append(text[pos++]);
                }

                if (pos >= text.Length)
                {
                    error = $"structured data element '{id}' has an unterminated value";
                    return false;
                }

                pos++; // closing quote
                output.Add(new($"sd.{id}.{name}", value.ToString()));
            }

            if (pos >= text.Length || text[pos] != ']')
            {
                error = $"structured data element '{id}' is not closed with ']'";
                return false;
            }

            pos++;
        }

        return true;
    }
}
