using AIOps.Server.Options;
using Microsoft.AspNetCore.Http;

namespace AIOps.Server.Api.Security;

/// <summary>Refuses a request before its handler runs unless its bearer token has the scope (401 / 403, problem+json).</summary>
internal sealed class ScopeFilter(TokenAuthenticator authenticator, string scope) : IEndpointFilter
{
    public const string ActorItem = "aiops.actor";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = authenticator.Authenticate(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, scope);
        switch (result.Outcome)
        {
            case AuthOutcome.Allowed:
                http.Items[ActorItem] = result.Name;
                return await next(context).ConfigureAwait(false);
            case AuthOutcome.Forbidden:
                return ApiProblems.Create(StatusCodes.Status403Forbidden, "insufficient scope", $"this endpoint needs a token with the '{scope}' scope");
            default:
                http.Response.Headers.WWWAuthenticate = scope == ApiScopes.Write ? "Bearer scope=\"write\"" : "Bearer scope=\"read\"";
                return ApiProblems.Create(
                    StatusCodes.Status401Unauthorized,
                    "unauthorized",
                    result.Outcome == AuthOutcome.Missing ? "send Authorization: Bearer TOKEN" : "the bearer token is not valid");
        }
    }
}
