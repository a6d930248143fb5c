using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Hardware.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Hearth.Server.Tests;

public sealed class WatchdogAndAlertTests
{
    [Fact]
    public async Task A_gpu_job_on_a_cold_gpu_raises_one_critical_alert_seen_by_the_api_the_live_stream_and_metrics()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(time: time);
        var jobs = new RunStore(node.Database);
        jobs.Start("python3 train.py", "gpu", 4242, time.GetUtcNow());
        node.Sampler.Set(("cpu.util", 96), ("gpu0.util", 0));

        var events = await node.NextSamples(65, () => time.Advance(TimeSpan.FromSeconds(1)));

        var alertEvents = events.Where(e => e.Name == "alert").ToList();
        var alert = JsonDocument.Parse(Assert.Single(alertEvents).Json).RootElement;
        Assert.Equal("cold-gpu-job", alert.GetProperty("rule").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        using var api = JsonDocument.Parse(await node.Http.GetStringAsync("/api/alerts"));
        Assert.Contains("it is running on the CPU", api.RootElement.GetProperty("active")[0].GetProperty("message").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("hearth_alerts_active{severity=\"critical\"} 1", await node.Http.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Contains("hearth_jobs_running 1", await node.Http.GetStringAsync("/metrics"), StringComparison.Ordinal);

        node.Sampler.Set(("gpu0.util", 93)); // the job found the GPU
        var recovery = await node.NextSamples(1, () => time.Advance(TimeSpan.FromSeconds(1)));
        var cleared = JsonDocument.Parse(recovery.Single(e => e.Name == "alert").Json).RootElement;
        Assert.NotEqual(JsonValueKind.Null, cleared.GetProperty("clearedAt").ValueKind);
    }

    [Fact]
    public async Task An_alert_raised_through_the_api_reaches_the_webhook()
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await StartWebhookReceiver(received);
        await using var node = await TestNode.StartAsync(webhook: new Uri(receiver.Urls.First() + "/hook"));

        var created = await node.Http.PostAsJsonAsync("/api/alerts",
            new { subject = "backup", message = "Backup disk almost full", severity = "critical" });
        var body = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("hearth", json.RootElement.GetProperty("source").GetString());
        Assert.Equal("Backup disk almost full", json.RootElement.GetProperty("alert").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await node.Http.DeleteAsync("/api/alerts/backup")).StatusCode);
    }

    private static async Task<WebApplication> StartWebhookReceiver(TaskCompletionSource<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.TrySetResult(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
