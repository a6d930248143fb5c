using System.Net;
using System.Net.Http.Headers;
using Hearth.Server.Security;

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

    [Fact]
    public async Task A_token_rotated_by_another_process_takes_effect_at_once_on_the_running_node()
    {
        await using var node = await TestNode.StartAsync(bind: "0.0.0.0");
        var old = node.Token;

        var rotated = new NodeToken(() => node.Home).Rotate(); // what 'hearth token --rotate' does, in its own process

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(node, "/api/devices", old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(node, "/api/devices", rotated)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(node, "/api/devices", rotated, scheme: "bearer")).StatusCode); // any case (RFC 9110)
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("localhost", false)]
    [InlineData("127.0.0.2", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    public void Every_bind_but_127_0_0_1_and_ipv6_loopback_requires_the_token(string bind, bool required) =>
        Assert.Equal(required, new HearthServerOptions { Bind = bind }.RequiresToken);

    private static Task<HttpResponseMessage> Get(TestNode node, string path, string token, string scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        return node.Http.SendAsync(request);
    }
}
