using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AIOps.Server.Api;

/// <summary>Title, description and the bearer scheme of the OpenAPI document.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AIOps engine API",
            Version = "v1",
            Description = "Incidents with ranked root causes, operator actions (acknowledge, resolve, silence, feedback), topology and health. "
                + "When tokens are configured every /api/v1 request needs `Authorization: Bearer TOKEN`: the read scope for GET, the write scope for POST and DELETE. Errors are application/problem+json.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from Api.Tokens (scopes read, write).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
