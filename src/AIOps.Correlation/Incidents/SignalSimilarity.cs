using AIOps.Core.Model;

namespace AIOps.Correlation.Incidents;

/// <summary>
/// How alike two signals are when topology does not connect them: an IDF-weighted Jaccard over their label pairs
/// (entity label keys normalized, so <c>node=n1</c> and <c>host.name=n1</c> agree), indicator and summary words
/// with digits masked (a cheap log-template). Tokens seen on most signals (<c>env=prod</c>) weigh nothing; a rare
/// shared token (the same node, the same deploy version) weighs a lot. The alert name is left out: the same kind of
/// problem on two unrelated services is two problems, so similarity must come from where and what exactly.
/// The service label is left out too: it is the entity, which differs by construction when similarity is asked.
/// </summary>
internal sealed class SignalSimilarity
{
    private const int MaxCached = 50_000;
    private const int MinAgreeingTokens = 2;

    // A token on half the signals or more (the detector's own summary words: "above", "normal", "expected") is shared
    // by chance; agreement needs tokens rarer than that.
    private static readonly double InformativeWeight = Math.Log(2);
    private static readonly string[] IgnoredKeys = ["severity", "alertname", "__name__", "receiver", "prometheus", "monitor"];

    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _tokens = new(StringComparer.Ordinal);
    private int _documents;

    /// <summary>The signal's sorted tokens; the first time a condition is seen it counts towards the frequencies.</summary>
    public string[] Tokens(Signal signal)
    {
        if (_tokens.TryGetValue(signal.Fingerprint, out var cached))
        {
            return cached;
        }

        if (_tokens.Count >= MaxCached)
        {
            _tokens.Clear(); // frequencies stay; only the per-condition cache is rebuilt
        }

        var tokens = Extract(signal);
        _tokens[signal.Fingerprint] = tokens;
        _documents++;
        foreach (var token in tokens)
        {
            _documentFrequency[token] = _documentFrequency.GetValueOrDefault(token) + 1;
        }

        return tokens;
    }

    public double Score(Signal a, Signal b) => Jaccard(Tokens(a), Tokens(b));

    /// <summary>Weighted Jaccard of two sorted token arrays.</summary>
    public double Jaccard(string[] a, string[] b)
    {
        double shared = 0, union = 0;
        int i = 0, j = 0, agreeing = 0;
        while (i < a.Length || j < b.Length)
        {
            var cmp = i == a.Length ? 1 : j == b.Length ? -1 : string.CompareOrdinal(a[i], b[j]);
            if (cmp == 0)
            {
                var w = Weight(a[i]);
                agreeing += w > InformativeWeight ? 1 : 0;
                shared += w;
                union += w;
                i++;
                j++;
            }
            else if (cmp < 0)
            {
                union += Weight(a[i++]);
            }
            else
            {
                union += Weight(b[j++]);
            }
        }

        // One shared token is a coincidence (the same alert text on two services); two are a resemblance.
        return union <= 0 || agreeing < MinAgreeingTokens ? 0 : shared / union;
    }

    // Inverse document frequency: zero for a token every signal has.
    private double Weight(string token) => Math.Log((_documents + 1.0) / (_documentFrequency.GetValueOrDefault(token) + 1.0));

    internal static string[] Extract(Signal signal)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in signal.Labels)
        {
            // The service is the entity itself: equal entities were already grouped, so it only ever differs.
            var canonical = CanonicalKey(key);
            if (Array.IndexOf(IgnoredKeys, key) < 0 && value.Length > 0 && canonical != "service")
            {
                set.Add(canonical + "=" + (canonical == "host" ? StripPort(value) : value));
            }
        }

        if (signal.Summary is { } summary)
        {
            foreach (var word in summary.Split([' ', ',', ':', ';', '(', ')', '"', '\'', '='], StringSplitOptions.RemoveEmptyEntries))
            {
                // Words of the indicator restate the alert name, which is deliberately not evidence.
                if (word.Length >= 4 && !word.Any(char.IsAsciiDigit) && !signal.Indicator.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    set.Add("w:" + word.ToLowerInvariant().TrimEnd('.'));
                }
            }
        }

        var tokens = set.ToArray();
        Array.Sort(tokens, StringComparer.Ordinal);
        return tokens;
    }

    private static string CanonicalKey(string key) =>
        Array.IndexOf(EntityResolver.ServiceKeys, key) >= 0 ? "service" :
        Array.IndexOf(EntityResolver.HostKeys, key) >= 0 ? "host" :
        Array.IndexOf(EntityResolver.PodKeys, key) >= 0 ? "pod" :
        Array.IndexOf(EntityResolver.NamespaceKeys, key) >= 0 ? "namespace" : key;

    private static string StripPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && int.TryParse(host.AsSpan(colon + 1), out _) ? host[..colon] : host;
    }
}
