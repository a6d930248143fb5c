using System.Text;
using Hearth.Hardware.History;
using Hearth.Hardware.Runs;
using Hearth.Hardware.Platform;
using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Server.Alerts;
using Hearth.Server.Live;
using Hearth.Server.Metrics;
using Hearth.Text.Analysis;

namespace Hearth.Server.Endpoints;

/// <summary>The REST API under <c>/api</c>, <c>/metrics</c> and the health check.</summary>
internal static class ApiEndpoints
{
    private const int MaxSeries = 50;

    /// <summary>The most characters one /api/analyze request analyses (Google Cloud NL's limit is 1,000,000 bytes).</summary>
    private const int MaxAnalyzeCharacters = 1_000_000;

    public static void MapHearthApi(this WebApplication app)
    {
        app.MapGet("/healthz", (TelemetryService telemetry) => Results.Ok(new { status = "ok", ticks = telemetry.Ticks }))
            .WithSummary("Health check (never needs a token).");
        app.MapGet("/metrics", (TelemetryCollector collector, LiveSeries live, ISystemFiles files, AlertBook alerts, RunStore runs) =>
                Results.Text(PrometheusExposition.Write(collector.Devices, live.Latest, files, alerts.Active, RunningPrograms(runs)),
                    PrometheusExposition.ContentType))
            .WithSummary("Prometheus metrics: dcgm-exporter names for NVIDIA GPUs, node-exporter names for CPU and memory.");

        var api = app.MapGroup("/api");
        api.MapGet("/devices", (TelemetryCollector collector, LiveSeries live) => collector.Devices.Select(d => new
        {
            d.Id,
            d.Kind,
            d.Name,
            d.Uuid,
            d.PciBusId,
            Values = live.Latest?.Values.Where(v => Series.Split(v.Key).Device == d.Id).ToDictionary(v => Series.Split(v.Key).Metric, v => v.Value),
        })).WithSummary("Every device and its latest readings (null: not exposed).");

        api.MapGet("/samples", Samples).WithSummary("Historical samples of one or more series between two times (ISO 8601); default: the last 10 "
            + "minutes of every device's utilisation.");
        api.MapGet("/samples/live", LiveAsync).WithSummary("Server-Sent Events: 'hello' (devices and the last minutes), then one 'sample' per "
            + "tick and one 'alert' per alert change.");
        api.MapGet("/runs", (RunStore runs) => runs.Recent(100)).WithSummary("Programs run through 'hearth run', newest first, with their verdicts.");
        api.MapGet("/runs/{id:long}", (long id, RunStore runs) => FindRun(id, runs)).WithSummary("One program run through 'hearth run'.");
        api.MapGet("/jobs", (RunStore runs, HttpContext http) => Deprecated(http, "/api/runs", runs.Recent(100)))
            .WithSummary("Deprecated name of GET /api/runs (kept for one release).");
        api.MapGet("/jobs/{id:long}", (long id, RunStore runs, HttpContext http) => Deprecated(http, $"/api/runs/{id}", FindRun(id, runs)))
            .WithSummary("Deprecated name of GET /api/runs/{id} (kept for one release).");
        api.MapGet("/alerts", (AlertBook alerts, AlertStore store) => new { active = alerts.Active, recent = store.Recent(100) })
            .WithSummary("Active alerts and the recent history.");
        api.MapPost("/alerts", (NewAlert alert, AlertBook alerts) =>
                string.IsNullOrWhiteSpace(alert.Message) || string.IsNullOrWhiteSpace(alert.Subject)
                    ? Problem(400, "an alert needs a subject and a message",
                        "send {\"subject\": \"backup\", \"message\": \"…\", \"severity\": \"warning\"}")
                    : Results.Created("/api/alerts", alerts.Raise(alert.Subject, alert.Message, alert.Severity ?? Severity.Warning)))
            .WithSummary("Raise an alert from a script; it shows on the dashboard and goes to the webhook.");
        api.MapDelete("/alerts/{subject}", (string subject, AlertBook alerts) => alerts.Clear(subject) ? Results.NoContent()
            : Problem(404, $"no active alert '{subject}' raised through the API", "list them with GET /api/alerts"));
        api.MapGet("/doctor", (ReportStore reports) => reports.Latest("doctor") is { } json
                ? Results.Text(json, "application/json", Encoding.UTF8)
                : Problem(404, "no doctor report yet", "run 'hearth doctor' on this machine"))
            .WithSummary("The latest 'hearth doctor' report (docs/doctor-json.md).");
        api.MapPost("/analyze", (AnalyzeRequest request, TextAnalyzer analyzer, TrainedModels trained, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(request.Text))
                {
                    return Problem(400, "no text to analyse", "send {\"text\": \"…\", \"features\": [\"entities\", \"sentiment\"]}");
                }

                if (request.Text.Length > MaxAnalyzeCharacters)
                {
                    return Problem(413, $"the text has {request.Text.Length:N0} characters; one request analyses at most {MaxAnalyzeCharacters:N0}",
                        "send it in parts, or run 'hearth analyze FILE', which reads a text of any size in parts");
                }

                try
                {
                    // The work stops when the client goes away (the token is the request's RequestAborted).
                    var choice = ModelChoice.From([.. (request.Models ?? new Dictionary<string, string>()).Select(m => (m.Key, m.Value))],
                        trained);
                    return Results.Ok(analyzer.Analyze(request.Text, Feature.Parse(request.Features), request.Language, choice, cancellationToken));
                }
                catch (ModelFileException e)
                {
                    return Problem(404, e.Message, "name a model trained on this node: 'hearth models' lists them");
                }
                catch (ArgumentException e)
                {
                    return Problem(400, e.Message, "leave 'features' out for all of them, 'language' out to detect it, and 'models' out for the "
                        + "shipped models");
                }
            })
            .WithSummary("Hearth's own text analysis of one document (docs/analyze.md); the dashboard's 'Analyse text' uses it.")
            .RequireRateLimiting(HearthServer.AnalysisPolicy);
        api.MapGet("/bench", (BenchHistory history) => history.Latest() is { } figures
                ? Results.Ok(figures)
                : Problem(404, "no benchmark yet", "run 'hearth bench' on this machine"))
            .WithSummary("The figures of the latest 'hearth bench' run.");
    }

    private static IResult Samples(string? series, DateTimeOffset? from, DateTimeOffset? to, TelemetryStore store, TelemetryCollector collector,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (start, end) = (from ?? now.AddMinutes(-10), to ?? now);
        if (start > end)
        {
            return Problem(400, $"'from' ({start:O}) is after 'to' ({end:O})", "swap them, or leave 'to' out for now");
        }

        var names = series?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? [.. collector.Devices.Select(d => Series.Key(d.Id, Series.Util))];
        if (names.Length > MaxSeries)
        {
            return Problem(400, $"{names.Length} series asked, at most {MaxSeries} at once", "split the request");
        }

        return Results.Ok(new
        {
            from = start,
            to = end,
            resolution = store.Resolution(start, now),
            series = names.ToDictionary(n => n, n => store.Range(n, start, end, now).Select(p => new[] { p.At.ToUnixTimeMilliseconds(), p.Value })),
        });
    }

    private static async Task LiveAsync(HttpContext context, LiveHub hub, TelemetryCollector collector, LiveSeries live, AlertBook alerts)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = hub.Subscribe();
        var recent = live.Names().Where(n => n.EndsWith("." + Series.Util, StringComparison.Ordinal)
            || n.EndsWith("." + Series.Temp, StringComparison.Ordinal)
                || n.EndsWith("." + Series.Power, StringComparison.Ordinal) || n.EndsWith("." + Series.MemUsed, StringComparison.Ordinal))
            .ToDictionary(n => n, n => live.Points(n).Select(p => new[] { p.At.ToUnixTimeMilliseconds(), p.Value }));
        var hello = System.Text.Json.JsonSerializer.Serialize(new { host = Environment.MachineName, devices = collector.Devices, recent,
            alerts = alerts.Active }, Hardware.HearthJson.Compact);
        await SendAsync(context, new ServerEvent("hello", hello)).ConfigureAwait(false);
        try
        {
            await foreach (var serverEvent in subscription.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                await SendAsync(context, serverEvent).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client left
        }
    }

    private static async Task SendAsync(HttpContext context, ServerEvent serverEvent)
    {
        // Events are serialised on one line (HearthJson.Compact): one "data:" line each.
        await context.Response.WriteAsync($"event: {serverEvent.Name}\ndata: {serverEvent.Json}\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static IResult FindRun(long id, RunStore runs) =>
        runs.Find(id) is { } run ? Results.Ok(run) : Problem(404, $"no run {id}", "list them with GET /api/runs");

    /// <summary>
    /// An old route's answer, with the headers that tell clients where it moved: <c>Deprecation</c> (RFC 9745) and a
    /// <c>Link</c> to the successor.
    /// </summary>
    private static T Deprecated<T>(HttpContext http, string successor, T answer)
    {
        http.Response.Headers["Deprecation"] = "@1764633600"; // 2025-12-02, when /api/runs replaced it
        http.Response.Headers.Link = $"<{successor}>; rel=\"successor-version\"";
        return answer;
    }

    private static int RunningPrograms(RunStore runs)
    {
        try
        {
            return runs.Running().Count;
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            return 0;
        }
    }

    /// <summary>An RFC 9457 problem: what went wrong in <c>detail</c>, what to do in <c>fix</c>.</summary>
    internal static IResult Problem(int status, string detail, string fix) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["fix"] = fix });

    /// <summary>
    /// The body of <c>POST /api/analyze</c>: the text, the features (all when left out) and the language (detected when left out).
    /// </summary>
    internal sealed record AnalyzeRequest(string Text,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(FeatureListConverter))] IReadOnlyList<string>? Features,
        string? Language = null, IReadOnlyDictionary<string, string>? Models = null);

    /// <summary>The body of <c>POST /api/alerts</c>.</summary>
    internal sealed record NewAlert(string Subject, string Message, Severity? Severity);
}
