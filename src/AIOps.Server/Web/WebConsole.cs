using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Server.Web;

/// <summary>
/// The web console and the API reference, embedded in the assembly (Web/wwwroot, resource names "web/...")
/// and served from memory: no CDN, no files beside the binary, works offline.
/// </summary>
internal static class WebConsole
{
    private static readonly FrozenDictionary<string, (byte[] Body, string Type, string ETag)> Files = Load();

    public static IEndpointRouteBuilder MapWebConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Serve(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/docs", (HttpContext http) => Serve(http, "api.html")).ExcludeFromDescription();
        foreach (var name in Files.Keys)
        {
            app.MapGet("/" + name, (HttpContext http) => Serve(http, name)).ExcludeFromDescription();
        }

        return app;
    }

    private static IResult Serve(HttpContext http, string name)
    {
        var (body, type, etag) = Files[name];
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            // Only our own scripts and styles; the console talks to this origin only.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
        }

        return http.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, type);
    }

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(WebConsole).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("web/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            var etag = $"\"{Convert.ToHexString(SHA256.HashData(body))[..16]}\"";
            files[resource["web/".Length..]] = (body, TypeOf(resource), etag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string TypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
