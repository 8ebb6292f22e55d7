using AIOps.Core.Model;

namespace AIOps.Ingest.Logs;

/// <summary>
/// Logs without a level field still usually say it near the start ("2026-.. ERROR ...", "level=warn", "[WARN]"):
/// look for a level word in the first 120 characters, bounded by non-letters.
/// </summary>
internal static class LevelSniffer
{
    private const int Window = 120;

    private static readonly (string Word, Severity Severity)[] Words =
    [
        ("FATAL", Severity.Critical), ("CRITICAL", Severity.Critical), ("PANIC", Severity.Critical),
        ("ERROR", Severity.Error), ("ERR", Severity.Error), ("SEVERE", Severity.Error),
        ("WARNING", Severity.Warning), ("WARN", Severity.Warning),
        ("INFO", Severity.Info), ("NOTICE", Severity.Info),
        ("DEBUG", Severity.Debug), ("TRACE", Severity.Debug),
    ];

    public static Severity FromBody(string body)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, Window));
        var best = -1;
        var severity = Severity.Unknown;
        foreach (var (word, level) in Words)
        {
            var at = IndexOfWord(head, word);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
                severity = level;
            }
        }

        return severity;
    }

    private static int IndexOfWord(ReadOnlySpan<char> text, string word)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var at = text[offset..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            at += offset;
            var end = at + word.Length;
            var boundedLeft = at == 0 || !char.IsLetter(text[at - 1]);
            var boundedRight = end == text.Length || !char.IsLetter(text[end]);

            // Lower-case matches only count in key=value form ("level=error"), not as ordinary words.
            var upper = char.IsUpper(text[at]);
            var keyed = at > 0 && text[at - 1] == '=';
            if (boundedLeft && boundedRight && (upper || keyed))
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }
}
