namespace AIOps.Server.Options;

/// <summary>
/// Who may use the HTTP API. With no token the API is open and `aiops serve` listens on loopback only;
/// with tokens every /api request needs `Authorization: Bearer TOKEN` with the endpoint's scope.
/// </summary>
public sealed class ApiOptions
{
    public List<ApiTokenOptions> Tokens { get; set; } = [];
}

/// <summary>One bearer token: inline (<see cref="Token"/>) or read from a file (<see cref="TokenFile"/>, first line).</summary>
public sealed class ApiTokenOptions
{
    /// <summary>Shown in logs and on recorded actions instead of the secret.</summary>
    public string? Name { get; set; }

    public string? Token { get; set; }

    public string? TokenFile { get; set; }

    /// <summary>"read" (queries, stream, topology) and/or "write" (acknowledge, resolve, silence, feedback, rules reload; implies read).</summary>
    public List<string> Scopes { get; set; } = [ApiScopes.Read];
}

public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
}
