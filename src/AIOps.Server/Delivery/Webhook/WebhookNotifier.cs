using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;
using AIOps.Server.Options;

namespace AIOps.Server.Delivery.Webhook;

/// <summary>
/// POSTs every incident version, as the same JSON the API and the incidents topic carry, to one URL, signed with
/// HMAC-SHA256 of the body. Returns once the receiver answered 2xx; failures throw for the resilient buffer to
/// retry (one buffer per URL, so a failing receiver never causes a duplicate at a healthy one).
/// <c>X-AIOps-Delivery</c> (id:version) lets a receiver drop the duplicate a retry after a lost answer can cause.
/// </summary>
public sealed class WebhookNotifier : IIncidentSink
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _secret;

    public WebhookNotifier(HttpClient http, Uri url, string secret)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        _http = http;
        _url = url;
        _secret = secret ?? string.Empty;
    }

    public Uri Url => _url;

    public async ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var body = JsonSerializer.SerializeToUtf8Bytes(incident, AiopsJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(DeliveryDefaults.SignatureHeader, WebhookSignature.Compute(_secret, body));
        request.Headers.Add("X-AIOps-Delivery", incident.Id + ":" + incident.Version.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-AIOps-Event", incident.Change);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await HttpDelivery.EnsureAcceptedAsync(response, "webhook " + _url.GetLeftPart(UriPartial.Path), cancellationToken).ConfigureAwait(false);
    }
}
