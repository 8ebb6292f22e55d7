using System.Text;
using System.Text.Json;
using AIOps.Server.Delivery.Webhook;

namespace AIOps.Server.Tests.Delivery.Webhook;

public sealed class WebhookNotifierTests
{
    [Fact]
    public async Task PublishAsync_Incident_PostsJsonSignedWithTheSecret()
    {
        var handler = new RecordingHandler();
        var sut = new WebhookNotifier(new HttpClient(handler), new Uri("http://hooks/x"), "s3cret");

        await sut.PublishAsync(TestIncidents.Create("inc-1", 2), CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        var signature = Assert.Single(request.Headers.GetValues("X-AIOps-Signature"));
        Assert.True(WebhookSignature.Verify("s3cret", body, signature));
        Assert.False(WebhookSignature.Verify("other", body, signature));
        Assert.Equal("inc-1:2", Assert.Single(request.Headers.GetValues("X-AIOps-Delivery")));
        Assert.Equal("inc-1", JsonDocument.Parse(body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Compute_KnownVector_MatchesRfc4231()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var sut = WebhookSignature.Compute("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"));

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", sut);
    }
}
