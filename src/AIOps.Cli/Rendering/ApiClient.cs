using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AIOps.Cli.Rendering;

/// <summary>The CLI's HTTP client for a running engine: bearer token from --token or AIOPS_TOKEN, problem+json shown as one line.</summary>
internal sealed class ApiClient : IDisposable
{
    public const string TokenVariable = "AIOPS_TOKEN";

    private readonly HttpClient _http;

    public ApiClient(string baseUrl, string? token, TimeSpan? timeout = null)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (!string.IsNullOrWhiteSpace(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        }

        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public HttpClient Http => _http;

    /// <summary>The response body, or null after printing why it failed.</summary>
    public async Task<string?> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {Describe(text, response.ReasonPhrase)}");
            if ((int)response.StatusCode == 401)
            {
                await Console.Error.WriteLineAsync($"The API needs a token: pass --token or set {TokenVariable}.");
            }

            return null;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"cannot reach {BaseUrl}: {ex.Message}");
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Describe(string body, string? reason)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var title = doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() : reason;
            var detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return detail is null ? title ?? string.Empty : $"{title}: {detail}";
        }
        catch (JsonException)
        {
            return string.IsNullOrWhiteSpace(body) ? reason ?? string.Empty : body;
        }
    }
}
