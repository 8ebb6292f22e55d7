using System.Text;

namespace AIOps.Ingest.Templates;

/// <summary>Token-level helpers: similarity, positional generalization, constant-word keys and LCS merging.</summary>
internal static class TemplateAlignment
{
    private const string Wildcard = LogTemplateMinerDefaults.Wildcard;

    /// <summary>
    /// A token that looks like a value rather than a word: a mask, or anything with a digit
    /// (ids, versions, counters the masks did not cover).
    /// </summary>
    public static bool IsVariable(string token)
    {
        if (token.Contains(Wildcard, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Drain's sequence similarity with typed wildcards: a position matches when the tokens are equal, or when the
    /// template has a wildcard and the message a value there. A wildcard facing a plain word does not match, so a
    /// heavily generalized template cannot swallow unrelated messages. The parameter count breaks ties.
    /// </summary>
    public static (double Similarity, int Parameters) Similarity(string[] template, string[] tokens)
    {
        if (template.Length == 0)
        {
            return (1.0, 0);
        }

        var same = 0;
        var parameters = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t == Wildcard)
            {
                parameters++;
                if (IsVariable(tokens[i]))
                {
                    same++;
                }
            }
            else if (t == tokens[i])
            {
                same++;
            }
        }

        return ((double)same / template.Length, parameters);
    }

    /// <summary>
    /// True when the message has another word where the template still has a word. Values (digits, masks) never
    /// count: an id that repeated for a while is still an id.
    /// </summary>
    public static bool DiffersInWord(string[] template, string[] tokens)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t != tokens[i] && !IsVariable(t) && !IsVariable(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns every position where the message differs into a wildcard; true when the template changed.</summary>
    public static bool Generalize(string[] template, string[] tokens)
    {
        var changed = false;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != Wildcard && template[i] != tokens[i])
            {
                template[i] = Wildcard;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The constant words in order, or null when there are too few to identify an event safely.</summary>
    public static string? SkeletonKey(IReadOnlyList<string> tokens, int minimumWords)
    {
        var builder = new StringBuilder();
        var words = 0;
        foreach (var token in tokens)
        {
            if (IsVariable(token))
            {
                continue;
            }

            if (words > 0)
            {
                builder.Append(' ');
            }

            builder.Append(token);
            words++;
        }

        return words >= minimumWords ? builder.ToString() : null;
    }

    /// <summary>Aligns two templates by longest common subsequence; each unmatched run becomes one wildcard.</summary>
    public static string[] Merge(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var merged = new List<string>(Math.Max(a.Length, b.Length));
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                if (a[x] != Wildcard || merged.Count == 0 || merged[^1] != Wildcard)
                {
                    merged.Add(a[x]);
                }

                x++;
                y++;
                continue;
            }

            if (merged.Count == 0 || merged[^1] != Wildcard)
            {
                merged.Add(Wildcard);
            }

            if (y >= b.Length || (x < a.Length && table[x + 1, y] >= table[x, y + 1]))
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return [.. merged];
    }
}
