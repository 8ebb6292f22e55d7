using System.Security.Cryptography;
using System.Text;
using AIOps.Server.Options;

namespace AIOps.Server.Api.Security;

/// <summary>
/// Checks bearer tokens against the configured ones in constant time: both sides are hashed to 32 bytes and
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, and every configured token is compared,
/// so neither the length nor the position of a match leaks through timing.
/// </summary>
public sealed class TokenAuthenticator
{
    private readonly List<(byte[] Hash, string Name, bool Read, bool Write)> _tokens = [];

    public TokenAuthenticator(ApiOptions options)
    {
        var index = 0;
        foreach (var token in options.Tokens)
        {
            index++;
            var secret = Secret(token, index);
            var scopes = token.Scopes.Select(s => s.Trim().ToLowerInvariant()).ToHashSet();
            var unknown = scopes.Where(s => s is not (ApiScopes.Read or ApiScopes.Write)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Api.Tokens[{index - 1}]: unknown scope(s) {string.Join(", ", unknown)}; use read and/or write");
            }

            var write = scopes.Contains(ApiScopes.Write);
            _tokens.Add((Hash(secret), token.Name ?? $"token-{index}", write || scopes.Contains(ApiScopes.Read), write));
        }
    }

    /// <summary>No token configured: every request is allowed (and the server binds to loopback).</summary>
    public bool IsOpen => _tokens.Count == 0;

    /// <summary>Checks an Authorization header value for a scope.</summary>
    public AuthResult Authenticate(string? authorization, string scope)
    {
        if (IsOpen)
        {
            return new AuthResult(AuthOutcome.Allowed, "anonymous");
        }

        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return new AuthResult(AuthOutcome.Missing, null);
        }

        var presented = Hash(authorization[prefix.Length..].Trim());
        (string Name, bool Read, bool Write)? match = null;
        foreach (var token in _tokens)
        {
            // No early exit: the time taken does not depend on which token matched.
            if (CryptographicOperations.FixedTimeEquals(presented, token.Hash))
            {
                match = (token.Name, token.Read, token.Write);
            }
        }

        if (match is not { } m)
        {
            return new AuthResult(AuthOutcome.Invalid, null);
        }

        var allowed = scope == ApiScopes.Write ? m.Write : m.Read;
        return new AuthResult(allowed ? AuthOutcome.Allowed : AuthOutcome.Forbidden, m.Name);
    }

    private static string Secret(ApiTokenOptions token, int index)
    {
        var secret = token.Token;
        if (string.IsNullOrWhiteSpace(secret) && !string.IsNullOrWhiteSpace(token.TokenFile))
        {
            if (!File.Exists(token.TokenFile))
            {
                throw new InvalidOperationException($"Api.Tokens[{index - 1}]: token file '{token.TokenFile}' does not exist");
            }

            secret = File.ReadLines(token.TokenFile).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        }

        secret = secret?.Trim();
        if (string.IsNullOrEmpty(secret) || secret.Length < 16)
        {
            throw new InvalidOperationException($"Api.Tokens[{index - 1}]: set Token or TokenFile to a secret of at least 16 characters");
        }

        return secret;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

public enum AuthOutcome
{
    Allowed,
    Missing,
    Invalid,
    Forbidden,
}

/// <summary>The outcome and, when a token matched, its name (recorded on actions instead of the secret).</summary>
public readonly record struct AuthResult(AuthOutcome Outcome, string? Name);
