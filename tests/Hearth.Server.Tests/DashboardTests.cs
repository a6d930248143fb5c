using System.Net.Http.Json;
using Hearth.Testing;
using Microsoft.Playwright;

namespace Hearth.Server.Tests;

/// <summary>The dashboard in a real headless Chromium against a real node.</summary>
public sealed class DashboardTests
{
    private const string GpuChart = "canvas[data-series='gpu0.util']";

    [Fact]
    public async Task The_dashboard_loads_draws_live_points_and_shows_an_alert_raised_through_the_api()
    {
        await using var node = await TestNode.StartAsync(intervalSeconds: 0.2);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1200 } });
            await page.GotoAsync(node.Http.BaseAddress!.ToString());

            await page.WaitForFunctionAsync($"() => +document.querySelector(\"{GpuChart}\")?.dataset.points > 0");
            var first = int.Parse((await page.Locator(GpuChart).GetAttributeAsync("data-points"))!,
                System.Globalization.CultureInfo.InvariantCulture);
            await page.WaitForFunctionAsync($"() => +document.querySelector(\"{GpuChart}\").dataset.points > {first}");
            await node.Http.PostAsJsonAsync("/api/alerts", new { subject = "browser", message = "Raised through the API", severity = "critical" });
            await page.Locator("#alerts li.critical", new() { HasText = "Raised through the API" }).WaitForAsync();

            Assert.Equal("live", await page.Locator("#status").TextContentAsync());
            Assert.Contains("NVIDIA H100 80GB HBM3", await page.Locator("[data-device='gpu0'] h3").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("temperature not exposed", await page.Locator("[data-device='cpu'] .figures").TextContentAsync(),
                StringComparison.Ordinal);
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("dashboard.png"), FullPage = true });

            await page.SetViewportSizeAsync(390, 844); // a phone
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
                "the page scrolls sideways on a phone");
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("dashboard-phone.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Pasted_text_is_analysed_with_entities_highlighted_and_sentiment_and_emotions_as_bars()
    {
        await using var node = await TestNode.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1400 } });
            await page.GotoAsync(node.Http.BaseAddress!.ToString());

            await page.Locator("#text").FillAsync("I love this laptop, the battery lasts all day! Write to ops@hearth.example before 3 March 2026.");
            await page.Locator("#analyze button").ClickAsync();
            await page.Locator("#analysed mark[data-type='EMAIL']").WaitForAsync();

            Assert.Equal("ops@hearth.example", await page.Locator("#analysed mark[data-type='EMAIL']").TextContentAsync());
            Assert.Equal("3 March 2026", await page.Locator("#analysed mark[data-type='DATE']").TextContentAsync());
            Assert.Contains("sentiment: positive", await page.Locator("#sentiment").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(5, await page.Locator("#emotions .bar").CountAsync());
            await page.Locator("#analysis").ScreenshotAsync(new() { Path = Browser.ArtifactPath("dashboard-analyze.png") });
        }
    }

    [Fact]
    public async Task Beyond_loopback_the_dashboard_asks_for_the_token_then_goes_live()
    {
        await using var node = await TestNode.StartAsync(bind: "0.0.0.0", intervalSeconds: 0.2);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(node.Http.BaseAddress!.ToString());
            await page.Locator("#login").WaitForAsync(new() { State = WaitForSelectorState.Visible });

            await page.Locator("#token").FillAsync(node.Token);
            await page.Locator("#login button").ClickAsync();

            await page.WaitForFunctionAsync("() => document.querySelector('#status').textContent === 'live'");
            await page.WaitForFunctionAsync($"() => +document.querySelector(\"{GpuChart}\")?.dataset.points > 0");
        }
    }

    [Fact]
    public async Task The_cluster_panel_shows_the_nodes_and_a_jobs_progress_and_share_per_node()
    {
        var cluster = new Hearth.Cluster.HearthClusterOptions { SiloPort = Ports.Free(), GatewayPort = Ports.Free(), NodeName = "dash-node",
            Heartbeat = TimeSpan.FromMilliseconds(200) };
        await using var node = await TestNode.StartAsync(cluster: cluster);
        var submitted = await node.Http.PostAsJsonAsync("/api/cluster/jobs",
            new { kind = "analyze", features = new[] { "language" },
                documents = Enumerable.Range(0, 70).Select(i => new { id = $"d{i}", text = $"Document number {i} is short." }) });
        Assert.Equal(System.Net.HttpStatusCode.Created, submitted.StatusCode);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1400 } });
            await page.GotoAsync(node.Http.BaseAddress!.ToString());

            await page.Locator("#cluster-jobs td", new() { HasText = "3/3 done" }).WaitForAsync();
            await page.Locator("#nodes td.heat", new() { HasText = "gpu0" }).WaitForAsync(); // the node's own telemetry, as the cluster sees it
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("dashboard-cluster.png"), FullPage = true });

            Assert.Contains("dash-node", await page.Locator("#nodes tbody").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("dash-node 100%", await page.Locator("#cluster-jobs tbody").TextContentAsync(), StringComparison.Ordinal);
        }
    }

}
