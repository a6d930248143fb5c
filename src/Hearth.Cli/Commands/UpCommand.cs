using System.ComponentModel;
using Hearth.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth up</c>: the local Hearth node (dashboard, API, <c>/metrics</c>), until Ctrl+C.</summary>
internal sealed class UpCommand : AsyncCommand<UpCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("TCP port (default 7310; 0 picks a free one).")]
        [DefaultValue(HearthServerOptions.DefaultPort)]
        public int Port { get; init; } = HearthServerOptions.DefaultPort;

        [CommandOption("--bind <ADDRESS>")]
        [Description("Address to listen on (default 127.0.0.1). Any other address requires the token ('hearth token') on every endpoint but /metrics and /healthz.")]
        [DefaultValue("127.0.0.1")]
        public string Bind { get; init; } = "127.0.0.1";

        [CommandOption("--interval <SECONDS>")]
        [Description("Seconds between samples (default 1).")]
        [DefaultValue(1.0)]
        public double Interval { get; init; } = 1;

        [CommandOption("--webhook <URL>")]
        [Description("POST every raised and cleared alert as JSON to this URL.")]
        public string? Webhook { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new HearthServerOptions
        {
            Port = settings.Port,
            Bind = settings.Bind,
            Interval = TimeSpan.FromSeconds(settings.Interval),
            Webhook = settings.Webhook is null ? null : Uri.TryCreate(settings.Webhook, UriKind.Absolute, out var url) ? url : new Uri("invalid:" + Uri.EscapeDataString(settings.Webhook)),
        };
        var app = HearthServer.Build(options);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Urls.First();
            AnsiConsole.MarkupLineInterpolated($"[bold]Hearth node up[/] on {address}");
            AnsiConsole.MarkupLineInterpolated($"  dashboard {address}/   API {address}/api (OpenAPI: /api/openapi.json)   Prometheus {address}/metrics");
            if (options.RequiresToken)
            {
                AnsiConsole.MarkupLine("  [yellow]listening beyond loopback:[/] every endpoint but /metrics and /healthz needs 'Authorization: Bearer <token>'; 'hearth token' shows it");
            }

            AnsiConsole.MarkupLine("  [grey]Ctrl+C stops it.[/]");
            Console.Out.Flush();
            // Ends on Ctrl+C and on SIGTERM (systemd, docker stop), stopping the node cleanly.
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
