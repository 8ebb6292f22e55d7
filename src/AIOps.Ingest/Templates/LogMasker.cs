using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace AIOps.Ingest.Templates;

/// <summary>
/// Applies the masking rules in order. Consecutive rules with the same replacement (the usual case: all `&lt;*&gt;`)
/// run as one alternation, earlier rules winning at the same position: one scan and at most one new string per
/// message instead of one per rule. Compiled regexes are shared process-wide (they are thread-safe), so a miner
/// per partition compiles nothing. Rule patterns must not use numbered backreferences (combining renumbers groups).
/// </summary>
internal sealed class LogMasker
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    private readonly Regex[] _regexes;
    private readonly string[] _replacements;

    public LogMasker(IEnumerable<MaskingRule> rules)
    {
        var regexes = new List<Regex>();
        var replacements = new List<string>();
        var pattern = new StringBuilder();
        string? replacement = null;
        foreach (var rule in rules)
        {
            if (replacement is not null && rule.Replacement != replacement)
            {
                Flush();
            }

            replacement = rule.Replacement;
            pattern.Append(pattern.Length == 0 ? "(?:" : "|(?:").Append(rule.Pattern).Append(')');
        }

        Flush();
        _regexes = [.. regexes];
        _replacements = [.. replacements];

        void Flush()
        {
            if (pattern.Length == 0)
            {
                return;
            }

            regexes.Add(Compiled.GetOrAdd(
                pattern.ToString(),
                static text => new Regex(text, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
            replacements.Add(replacement!.Replace("$", "$$", StringComparison.Ordinal));
            pattern.Clear();
        }
    }

    public string Mask(string message)
    {
        for (var i = 0; i < _regexes.Length; i++)
        {
            message = _regexes[i].Replace(message, _replacements[i]);
        }

        return message;
    }
}
