using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Cluster.Devices;
using Hearth.Cluster.Jobs;
using Hearth.Hardware;
using Hearth.Hardware.History;

namespace Hearth.Cli.Infrastructure;

/// <summary>The CLI's way to a running <c>hearth up</c> node: its REST API, with the node token when there is one.</summary>
internal sealed class NodeClient : IDisposable
{
    public const string DefaultNode = "http://127.0.0.1:7310";

    private static readonly JsonSerializerOptions Json = HearthJson.Compact;
    private readonly HttpClient http;

    public NodeClient(string? node)
    {
        http = new HttpClient { BaseAddress = new Uri(node ?? DefaultNode), Timeout = TimeSpan.FromMinutes(5) };
        // A remote node's token comes from HEARTH_TOKEN; the local node's, from its file.
        var file = Path.Combine(HearthHome.Resolve(), "token");
        var token = Environment.GetEnvironmentVariable("HEARTH_TOKEN") is { Length: > 0 } given ? given : File.Exists(file)
            ? File.ReadAllText(file).Trim() : null;
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri Address => http.BaseAddress!;

    public async Task<JobProgress> SubmitAsync(JobRequest request, CancellationToken cancellationToken) =>
        (await SendAsync(() => http.PostAsJsonAsync("/api/cluster/jobs", request, Json,
            cancellationToken)).ConfigureAwait(false)).Deserialize<JobProgress>(Json)!;

    public async Task<JobProgress> ProgressAsync(string id, CancellationToken cancellationToken) =>
        (await SendAsync(() => http.GetAsync($"/api/cluster/jobs/{Uri.EscapeDataString(id)}",
            cancellationToken)).ConfigureAwait(false)).Deserialize<JobProgress>(Json)!;

    public async Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken) =>
        (await SendAsync(() => http.GetAsync("/api/cluster/jobs", cancellationToken)).ConfigureAwait(false)).Deserialize<List<JobProgress>>(Json)!;

    public async Task<IReadOnlyList<DeviceState>> DevicesAsync(CancellationToken cancellationToken) =>
        (await SendAsync(() => http.GetAsync("/api/cluster/devices", cancellationToken)).ConfigureAwait(false)).Deserialize<List<DeviceState>>(Json)!;

    public async Task<DeviceState> PairAsync(string name, CancellationToken cancellationToken) =>
        (await SendAsync(() => http.PostAsync($"/api/cluster/devices/{Uri.EscapeDataString(name)}/pair", null,
            cancellationToken)).ConfigureAwait(false)).Deserialize<DeviceState>(Json)!;

    /// <summary>
    /// Writes a finished job's JSON Lines to a file (whole or not at all: through a temporary file), or to standard
    /// output when <paramref name="output"/> is null.
    /// </summary>
    public async Task WriteResultAsync(string id, string? output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await CopyResultAsync(id, stdout, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var partial = output + ".partial";
        var file = File.Create(partial);
        await using (file.ConfigureAwait(false))
        {
            await CopyResultAsync(id, file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, output, overwrite: true);
    }

    private async Task CopyResultAsync(string id, Stream output, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() =>
            http.GetAsync($"/api/cluster/jobs/{Uri.EscapeDataString(id)}/result", HttpCompletionOption.ResponseHeadersRead,
                cancellationToken)).ConfigureAwait(false);
        await response.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();

    private static async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> request)
    {
        using var response = await CallAsync(request).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
    }

    private static async Task<HttpResponseMessage> CallAsync(Func<Task<HttpResponseMessage>> request)
    {
        HttpResponseMessage response;
        try
        {
            response = await request().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NodeUnreachableException($"no Hearth node answers ({e.Message}): start one with 'hearth up', or name it with --node URL", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
            var error = body.TryGetProperty("detail", out var e) ? e.GetString() : response.ReasonPhrase;
            var fix = body.TryGetProperty("fix", out var f) ? $": {f.GetString()}" : "";
            throw new NodeUnreachableException($"the node refused ({(int)response.StatusCode}): {error}{fix}");
        }
    }
}

/// <summary>The node could not be reached or refused the request; the message says what to do (the CLI prints it, exit 2).</summary>
internal sealed class NodeUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
