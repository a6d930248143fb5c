using Hearth.Server;
using Spectre.Console;

namespace Hearth.Cli.Output;

/// <summary>What <c>hearth up</c> prints once the node listens: where, whether a token is needed, its cluster.</summary>
internal static class NodeBanner
{
    public static void Print(HearthServerOptions options, Uri address, bool restart)
    {
        var url = address.ToString().TrimEnd('/');
        AnsiConsole.MarkupLineInterpolated($"[bold]Hearth node {(restart ? "up again" : "up")}[/] on {url}");
        AnsiConsole.MarkupLineInterpolated(
            $"  dashboard {url}/   API {url}/api (OpenAPI: /api/openapi.json)   Prometheus {url}/metrics");
        if (options.RequiresToken)
        {
            AnsiConsole.MarkupLine("  [yellow]token required:[/] every endpoint but /metrics and /healthz needs 'Authorization: "
                + "Bearer <token>' (IBM clients: the token as API key); 'hearth token' shows it");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"  no token required: {options.Bind} is reachable from this machine only (--require-token asks for one)");
        }

        if (options.Cluster is { } cluster)
        {
            // The database is named without its password: secrets never reach the output.
            var where = cluster.Membership is { } db && new Npgsql.NpgsqlConnectionStringBuilder(db) is var pg
                ? $", membership in PostgreSQL ({pg.Host}/{pg.Database}, cluster '{cluster.ClusterId}')"
                : cluster.Join is { } join ? $", joined {join}"
                : cluster.Rejoin is { } first ? $", alone until {first} answers"
                : $" (a new cluster; others join with --join 127.0.0.1:{cluster.SiloPort})";
            var tls = cluster.Secret is null ? "" : ", mutual TLS from the cluster secret";
            AnsiConsole.MarkupLineInterpolated(
                $"  cluster: silo {cluster.AdvertisedAddress}:{cluster.SiloPort}{where}{tls}   jobs: hearth submit analyze DIR -o OUT.jsonl");
        }

        AnsiConsole.MarkupLine("  [grey]Ctrl+C stops it.[/]");
        Console.Out.Flush();
    }
}
