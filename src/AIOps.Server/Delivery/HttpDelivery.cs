using System.Net;

namespace AIOps.Server.Delivery;

/// <summary>Sorts HTTP answers into accepted, worth retrying, and never going to work.</summary>
internal static class HttpDelivery
{
    public static async Task EnsureAcceptedAsync(HttpResponseMessage response, string receiver, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length > 300)
        {
            body = body[..300];
        }

        var message = $"{receiver} answered {status} {response.ReasonPhrase}: {body}";
        if (IsTransient(response.StatusCode))
        {
            throw new HttpRequestException(message, null, response.StatusCode);
        }

        throw new PermanentDeliveryException(message);
    }

    // Server errors, throttling and timeouts may pass; any other 4xx means the request itself is wrong.
    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}
