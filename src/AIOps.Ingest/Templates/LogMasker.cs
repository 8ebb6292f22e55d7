using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AIOps.Ingest.Templates;

/// <summary>Applies the masking rules in order. Compiled regexes are shared process-wide (they are thread-safe), so
/// a miner per partition does not pay compilation again.</summary>
internal sealed class LogMasker
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    private readonly Regex[] _regexes;
    private readonly string[] _replacements;

    public LogMasker(IEnumerable<MaskingRule> rules)
    {
        var list = rules.ToList();
        _regexes = new Regex[list.Count];
        _replacements = new string[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            _regexes[i] = Compiled.GetOrAdd(
                list[i].Pattern,
                static pattern => new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            _replacements[i] = list[i].Replacement.Replace("$", "$$", StringComparison.Ordinal);
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
