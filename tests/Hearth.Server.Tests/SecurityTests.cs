using System.Net;
using System.Net.Http.Headers;

namespace Hearth.Server.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task Beyond_loopback_every_endpoint_but_metrics_and_health_refuses_requests_without_the_token()
    {
        await using var node = await TestNode.StartAsync(bind: "0.0.0.0");

        var anonymous = await node.Http.GetAsync("/api/devices");
        var wrong = new HttpRequestMessage(HttpMethod.Get,
            "/api/devices") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } };
        var right = new HttpRequestMessage(HttpMethod.Get,
            "/api/devices") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", node.Token) } };

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("'hearth token' on the node prints it", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Http.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.SendAsync(right)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Http.GetAsync("/api/samples/live")).StatusCode);
    }

    [Fact]
    public async Task On_loopback_no_token_is_needed()
    {
        await using var node = await TestNode.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task The_token_file_is_readable_by_its_owner_only()
    {
        await using var node = await TestNode.StartAsync(bind: "0.0.0.0");

        var token = node.Token;

        Assert.True(token.Length >= 40);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(node.Home, "token")));
    }
}
