using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hearth.Server.Tests;

/// <summary>The node started for real on 127.0.0.1 and called over HTTP, as Grafana, scripts and browsers do.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task Metrics_use_dcgm_exporter_names_for_gpus_and_node_exporter_names_for_the_cpu()
    {
        await using var node = await TestNode.StartAsync(intervalSeconds: 0.1);
        node.Sampler.Set(("gpu0.util", 97), ("gpu0.power", 612.5));
        await node.NextSamples(2);

        var response = await node.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        const string Labels = "gpu=\"0\",UUID=\"GPU-8c1f7a2e\",device=\"nvidia0\",modelName=\"NVIDIA H100 80GB HBM3\"";
        Assert.Contains($"DCGM_FI_DEV_GPU_UTIL{{{Labels}", text, StringComparison.Ordinal);
        Assert.Matches(@"DCGM_FI_DEV_GPU_UTIL\{[^}]*\} 97\n", text);
        Assert.Matches(@"DCGM_FI_DEV_POWER_USAGE\{[^}]*\} 612.5\n", text);
        Assert.Matches(@"DCGM_FI_DEV_FB_USED\{[^}]*\} 488.28125\n", text); // MiB, as dcgm-exporter
        Assert.Matches(@"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION\{[^}]*\} 1000000\n", text); // mJ
        Assert.Contains("# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter", text, StringComparison.Ordinal);
        Assert.Contains("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} ", text, StringComparison.Ordinal);
        Assert.Contains("node_memory_MemAvailable_bytes ", text, StringComparison.Ordinal);
        Assert.Contains("node_cpu_scaling_frequency_hertz{cpu=\"0\"} 3400000000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("node_hwmon_temp_celsius", text, StringComparison.Ordinal); // not exposed: absent, never 0
        Assert.Contains("hearth_alerts_active{severity=\"critical\"} 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_samples_jobs_and_the_openapi_document_answer_over_http()
    {
        await using var node = await TestNode.StartAsync(intervalSeconds: 0.1);
        await node.NextSamples(3);

        using var devices = JsonDocument.Parse(await node.Http.GetStringAsync("/api/devices"));
        using var samples = JsonDocument.Parse(await node.Http.GetStringAsync("/api/samples?series=gpu0.util,cpu.util"));
        using var openApi = JsonDocument.Parse(await node.Http.GetStringAsync("/api/openapi.json"));
        var jobs = await node.Http.GetFromJsonAsync<JsonElement[]>("/api/jobs");

        var gpu = devices.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "gpu0");
        Assert.Equal(31, gpu.GetProperty("values").GetProperty("temp").GetDouble());
        Assert.Equal(JsonValueKind.Null, devices.RootElement[0].GetProperty("values").GetProperty("temp").ValueKind); // CPU temperature not exposed
        Assert.Equal("1s", samples.RootElement.GetProperty("resolution").GetString());
        Assert.True(samples.RootElement.GetProperty("series").GetProperty("gpu0.util").GetArrayLength() >= 1);
        Assert.Equal("Hearth node API", openApi.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/samples", out _));
        Assert.Empty(jobs!);
    }

    [Fact]
    public async Task Bad_requests_say_what_to_do()
    {
        await using var node = await TestNode.StartAsync();

        var backwards = await node.Http.GetAsync("/api/samples?from=2026-11-29T10:00:00Z&to=2026-11-29T09:00:00Z");
        var noDoctor = await node.Http.GetAsync("/api/doctor");
        var emptyAlert = await node.Http.PostAsJsonAsync("/api/alerts", new { subject = "x", message = "" });

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("swap them", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noDoctor.StatusCode);
        Assert.Contains("run 'hearth doctor'", await noDoctor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, emptyAlert.StatusCode);
    }

    [Fact]
    public async Task Invalid_options_are_refused_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestNode.StartAsync(bind: "my-laptop"));

        Assert.Contains("--bind 'my-laptop' is not an IP address: use 127.0.0.1 (default), 0.0.0.0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/analyze", "{\"text\": 5}", 400, "'text' has the wrong JSON type or value")]
    [InlineData("POST", "/api/analyze", "[1]", 400, "the body must be a JSON object")]
    [InlineData("POST", "/api/analyze", "{\"text\": \"hi\", \"features\": 3}", 400, "'features' must be an array of feature names")]
    [InlineData("POST", "/api/analyze", "{\"text\": \"hi\", \"language\": \"xx\"}", 400, "unknown language 'xx'")]
    [InlineData("POST", "/api/alerts", "{\"subject\": 1}", 400, "'subject' has the wrong JSON type or value")]
    [InlineData("POST", "/api/cluster/jobs", "{\"kind\": \"nope\"}", 400, "'kind' has the wrong JSON type or value")]
    [InlineData("GET", "/api/samples?from=-1", null, 400, "\"-1\"")]
    [InlineData("GET", "/api/no-such-thing", null, 404, "no route /api/no-such-thing")]
    [InlineData("DELETE", "/api/devices", null, 405, "DELETE is not served on /api/devices")]
    public async Task Bad_requests_to_hearths_api_get_problem_details_that_say_what_is_wrong_and_what_to_do(string method, string path,
        string? body, int status, string detail)
    {
        await using var node = await TestNode.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await node.Http.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(problem.GetProperty("fix").GetString()!);
    }

    [Fact]
    public async Task Features_are_an_array_on_every_api_and_a_comma_separated_string_is_read_too()
    {
        await using var node = await TestNode.StartAsync();

        using var array = await node.Http.PostAsJsonAsync("/api/analyze", new { text = "Marie Curie lived in Paris.",
            features = new[] { "entities" } });
        using var text = await node.Http.PostAsJsonAsync("/api/analyze", new { text = "Marie Curie lived in Paris.", features = "entities" });

        var (a, t) = (await array.Content.ReadFromJsonAsync<JsonElement>(), await text.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("entities").ToString(), t.GetProperty("entities").ToString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("sentiment").ValueKind);
        Assert.Equal(2, a.GetProperty("entities").GetArrayLength());
    }
}
