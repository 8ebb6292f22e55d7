using System.Text.RegularExpressions;

namespace AIOps.Ingest.Templates;

/// <summary>Applies the masking rules in order; compiled once per miner.</summary>
internal sealed class LogMasker
{
    private readonly Regex[] _regexes;
    private readonly string[] _replacements;

    public LogMasker(IEnumerable<MaskingRule> rules)
    {
        var list = rules.ToList();
        _regexes = new Regex[list.Count];
        _replacements = new string[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            _regexes[i] = new Regex(list[i].Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
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
