namespace AIOps.Ingest.Templates;

/// <summary>RFC 4180 quoting: a field with a comma, quote or line break is quoted, inner quotes doubled.</summary>
internal static class CsvField
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");

    public static void Write(TextWriter output, string value)
    {
        if (value.AsSpan().IndexOfAny(Special) < 0)
        {
            output.Write(value);
            return;
        }

        output.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                output.Write('"');
            }

            output.Write(c);
        }

        output.Write('"');
    }
}
