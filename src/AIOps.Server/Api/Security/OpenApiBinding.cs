namespace AIOps.Server.Api.Security;

/// <summary>
/// Without tokens the API is open, so `aiops serve` only listens on loopback: an open API must not be reachable
/// from the network by accident. Non-loopback hosts in the listen URLs are replaced by 127.0.0.1.
/// </summary>
public static class OpenApiBinding
{
    public static string LoopbackOnly(string urls, out bool changed)
    {
        changed = false;
        var result = new List<string>();
        foreach (var url in urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            var hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
            var portStart = url.LastIndexOf(':');
            var host = portStart > hostStart && !url.EndsWith(']') ? url[hostStart..portStart] : url[hostStart..].TrimEnd('/');
            if (host is "127.0.0.1" or "localhost" or "[::1]")
            {
                result.Add(url);
                continue;
            }

            changed = true;
            result.Add(string.Concat(url.AsSpan(0, hostStart), "127.0.0.1", portStart > hostStart ? url[portStart..] : string.Empty));
        }

        return string.Join(';', result);
    }
}
