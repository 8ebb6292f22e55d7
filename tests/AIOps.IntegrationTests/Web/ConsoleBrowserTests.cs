using System.Text.Json;
using AIOps.IntegrationTests.Support;
using AIOps.Server.Demo;
using Microsoft.Playwright;

namespace AIOps.IntegrationTests.Web;

/// <summary>
/// The console as a person uses it, in a real browser: `aiops serve` with a fresh data directory, the demo's
/// telemetry produced with kcat while the console is open, the incident appearing live, opened, acted on.
/// </summary>
public sealed class ConsoleBrowserTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "aiops-web-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Console_DemoOutage_ShowsIncidentLiveWithCauseAndRecordsActions()
    {
        await using var serve = AiopsProcess.Start("serve", "--urls", AiopsProcess.AnyLoopbackPort, "--data", _data);
        var url = await serve.WaitForApiUrlAsync(TimeSpan.FromSeconds(60));
        var bootstrap = (await serve.WaitForLineAsync(l => l.StartsWith("Kafka bootstrap: ", StringComparison.Ordinal), TimeSpan.FromSeconds(30)))["Kafka bootstrap: ".Length..].Split(' ')[0];
        await using var browser = await BrowserSession.LaunchAsync();
        var page = await browser.OpenAsync(url + "/", 1280, 900);
        await page.GetByText("No incidents.").WaitForAsync();
        await page.Locator("#live.on").WaitForAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await KcatProducer.ProduceAsync(bootstrap, DemoScenario.Default(DateTimeOffset.UtcNow).Messages());

        // Live: the row appears without a reload, with payments-db as its top cause.
        var row = page.Locator("table.incidents tbody tr").Filter(new LocatorFilterOptions { HasText = DemoScenario.FaultEntity });
        await row.First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });
        await WaitUntilAsync(async () => (await page.Locator("table.incidents tbody tr").First.Locator("td").Nth(4).InnerTextAsync()).StartsWith(DemoScenario.FaultEntity, StringComparison.Ordinal));
        await WaitForSettledAsync(url);
        await page.WaitForTimeoutAsync(800);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await page.SetViewportSizeAsync(1280, 460);
        await BrowserSession.ShotAsync(page, "list-1280");
        await page.SetViewportSizeAsync(1280, 900);

        // Keyboard: the incident's link is reachable and opens the detail. A live refresh (the resize above, a late
        // incident version) redraws the list and the focused link with it; Enter then has nothing to open, so focus
        // the redrawn link and press again.
        var link = page.Locator("table.incidents tbody tr .title a").First;
        await WaitUntilAsync(async () =>
        {
            if (!await IsDetailAsync(page))
            {
                await link.FocusAsync();
                await page.Keyboard.PressAsync("Enter");
            }

            return await IsDetailAsync(page);
        });
        await page.Locator("#top-cause").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });
        Assert.Equal(DemoScenario.FaultEntity, await page.Locator("#top-cause").InnerTextAsync());
        var lead = page.Locator("article.candidate.lead");
        var evidence = await lead.Locator(".evidence").InnerTextAsync();
        // The lead indicator is a pg_* series of the database (latency up or connections down, whichever the detector saw first).
        Assert.True(evidence.Contains("SHIFT\npg_", StringComparison.Ordinal) && evidence.Contains(" -> ", StringComparison.Ordinal), evidence);
        Assert.True(evidence.Contains("max_connections lowered from 200 to 20", StringComparison.Ordinal), evidence);
        Assert.True(evidence.Contains("callers payments are anomalous", StringComparison.Ordinal), evidence);
        Assert.Equal(1, await lead.Locator("svg.chart").CountAsync());
        Assert.Equal(1, await page.Locator("svg.graph text", new PageLocatorOptions { HasText = "suspected cause" }).CountAsync());
        var id = page.Url.Split("#/incidents/")[1];
        await BrowserSession.ShotAsync(page, "detail-1280");
        await BrowserSession.ShotAsync(page, "detail-1280-top", fullPage: false);

        // Act: acknowledge, then confirm the cause.
        await page.Locator("#ack").ClickAsync();
        await page.Locator("#ack[disabled]").WaitForAsync();
        await lead.Locator("button[data-verdict=cause]").ClickAsync();
        await page.Locator("#activity li[data-kind=feedback]").WaitForAsync();
        Assert.Contains("Confirmed as the cause", await page.Locator("article.candidate.lead .fb-note").InnerTextAsync(), StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/incidents/{id}"));
        var op = doc.RootElement.GetProperty("operator");
        Assert.Equal("acknowledged", op.GetProperty("status").GetString());
        Assert.Equal("anonymous", op.GetProperty("acknowledged").GetProperty("actor").GetString());
        var feedback = Assert.Single(op.GetProperty("feedback").EnumerateArray());
        Assert.Equal("cause", feedback.GetProperty("verdict").GetString());
        Assert.Equal(DemoScenario.FaultEntity, feedback.GetProperty("entity").GetString());
        Assert.True(File.Exists(Path.Combine(_data, "actions.jsonl")));
        await page.Mouse.WheelAsync(0, -5000);
        await BrowserSession.ShotAsync(page, "detail-1280-acknowledged");

        // Phone width: the same pages stay readable.
        var phone = await browser.OpenAsync(url + "/", 390, 844);
        await phone.Locator("table.incidents tbody tr").First.WaitForAsync();
        await BrowserSession.ShotAsync(phone, "list-390");
        await phone.GotoAsync($"{url}/#/incidents/{id}");
        await phone.Locator("#top-cause").WaitForAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no horizontal scrolling at phone width");
        await BrowserSession.ShotAsync(phone, "detail-390");
        await BrowserSession.ShotAsync(phone, "detail-390-top", fullPage: false);
    }

    [Fact]
    public async Task Console_TokenRequired_AsksForTokenAndKeepsItForTheTab()
    {
        Directory.CreateDirectory(_data);
        var tokenFile = Path.Combine(_data, "oncall.token");
        const string token = "browser-test-token-0123456789";
        await File.WriteAllTextAsync(tokenFile, token);
        await using var serve = AiopsProcess.Start("serve", "--urls", AiopsProcess.AnyLoopbackPort, "--data", _data, "--api-token-file", tokenFile);
        var url = await serve.WaitForApiUrlAsync(TimeSpan.FromSeconds(60));
        await serve.WaitForLineAsync(l => l.StartsWith("API access: bearer token required", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await using var browser = await BrowserSession.LaunchAsync();

        var page = await browser.OpenAsync(url + "/", 1280, 800);
        await page.Locator("#token-dialog[open]").WaitForAsync();
        await page.Locator("#token-input").FillAsync("wrong-token-0123456789");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#token-error", new PageLocatorOptions { HasText = "refused" }).WaitForAsync();
        await page.Locator("#token-input").FillAsync(token);
        await page.Keyboard.PressAsync("Enter");

        await page.GetByText("No incidents.").WaitForAsync();
        Assert.Equal(token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('aiops.token')"));
    }

    private static async Task<bool> IsDetailAsync(IPage page) =>
        (await page.EvaluateAsync<string>("() => location.hash")).StartsWith("#/incidents/", StringComparison.Ordinal);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the incident stops growing (same version twice, 2 s apart), so screenshots show the whole story.</summary>
    private static async Task WaitForSettledAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var last = -1L;
        for (var i = 0; i < 40; i++)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync("/api/v1/incidents?status=open"));
            var version = page.RootElement.GetProperty("incidents").EnumerateArray().Select(x => x.GetProperty("version").GetInt64()).DefaultIfEmpty(0).Max();
            if (version == last && version > 0)
            {
                return;
            }

            last = version;
            await Task.Delay(2000);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
