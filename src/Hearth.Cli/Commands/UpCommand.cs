using System.ComponentModel;
using System.Net;
using Hearth.Cluster;
using Hearth.Cluster.Membership;
using Hearth.Cli.Output;
using Hearth.Cluster.Security;
using Hearth.Server;
using Hearth.Text.Analysis;
using Microsoft.Extensions.DependencyInjection;
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
        [Description("Address to listen on (default 127.0.0.1). Any other address requires the token ('hearth token') on every endpoint but "
            + "/metrics and /healthz.")]
        [DefaultValue("127.0.0.1")]
        public string Bind { get; init; } = "127.0.0.1";

        [CommandOption("--require-token")]
        [Description("Require the token on loopback too (beyond loopback it is always required).")]
        public bool RequireToken { get; init; }

        [CommandOption("--interval <SECONDS>")]
        [Description("Seconds between samples (default 1).")]
        [DefaultValue(1.0)]
        public double Interval { get; init; } = 1;

        [CommandOption("--webhook <URL>")]
        [Description("POST every raised and cleared alert as JSON to this URL.")]
        public string? Webhook { get; init; }

        [CommandOption("--no-cluster")]
        [Description("Do not host the Orleans silo: no cluster jobs on this node.")]
        public bool NoCluster { get; init; }

        [CommandOption("--join <HOST:PORT>")]
        [Description("Join the cluster of the node whose silo listens there (its --silo-port), instead of starting one.")]
        public string? Join { get; init; }

        [CommandOption("--cluster <URL>")]
        [Description("Keep the cluster's membership in PostgreSQL (postgres://user:password@host:5432/db; the schema is created): every node "
            + "names the same database, and the cluster outlives any node.")]
        public string? Cluster { get; init; }

        [CommandOption("--cluster-id <NAME>")]
        [Description("The cluster's name, when several share one database (default hearth).")]
        [DefaultValue("hearth")]
        public string ClusterId { get; init; } = "hearth";

        [CommandOption("--cluster-secret-file <FILE>")]
        [Description("A file holding the secret every node of the cluster shares (16+ characters; or HEARTH_CLUSTER_SECRET): silo traffic goes "
            + "over mutual TLS keyed by it. Required with --advertise beyond loopback.")]
        public string? ClusterSecretFile { get; init; }

        [CommandOption("--advertise <ADDRESS>")]
        [Description("The address of this machine that the other nodes reach (default 127.0.0.1: a cluster on this machine only).")]
        [DefaultValue("127.0.0.1")]
        public string Advertise { get; init; } = "127.0.0.1";

        [CommandOption("--silo-port <PORT>")]
        [Description("Orleans silo-to-silo port (default 11111); give each node on one machine its own.")]
        [DefaultValue(11111)]
        public int SiloPort { get; init; } = 11111;

        [CommandOption("--gateway-port <PORT>")]
        [Description("Orleans client gateway port (default 30000); give each node on one machine its own.")]
        [DefaultValue(30000)]
        public int GatewayPort { get; init; } = 30000;

        [CommandOption("--lease <SECONDS>")]
        [Description("How long a node holds a shard of this node's jobs before it goes to another (default 30).")]
        [DefaultValue(30.0)]
        public double Lease { get; init; } = 30;

        [CommandOption("--device <NAME=PATH>")]
        [Description("Attach a microcontroller: NAME=/dev/ttyACM0 (serial, 500 kbaud) or NAME=exec:COMMAND (e.g. the simavr host running the "
            + "firmware). Repeatable.")]
        public string[] Devices { get; init; } = [];

        [CommandOption("--mqtt-port <PORT>")]
        [Description("Run an MQTT broker for Wi-Fi boards on this port (e.g. 1883), on the --advertise address: boards publish frames to "
            + "hearth/devices/NAME/up.")]
        public int? MqttPort { get; init; }

        [CommandOption("--node-name <NAME>")]
        [Description("This node's name in the cluster (default: host name and silo port).")]
        public string? NodeName { get; init; }

        /// <summary>What cannot be parsed is refused here; what the values mean together, by the node's validators at start.</summary>
        public override ValidationResult Validate() =>
            !IPAddress.TryParse(Advertise, out _)
                ? ValidationResult.Error($"--advertise '{Advertise}' is not an IP address: give the address of this machine that the other nodes "
                    + $"reach")
            : Join is not null && JoinEndpoint() is null
                ? ValidationResult.Error($"--join '{Join}' is not HOST:PORT, e.g. --join 127.0.0.1:11111 (the silo port of a running node)")
            : Webhook is not null && WebhookUrl() is null
                ? ValidationResult.Error($"--webhook '{Webhook}' is not an absolute http:// or https:// URL, e.g. --webhook "
                    + $"https://hooks.example.org/hearth")
            : ValidationResult.Success();

        public IPEndPoint? JoinEndpoint() =>
            IPEndPoint.TryParse(Join?.Replace("localhost", "127.0.0.1", StringComparison.Ordinal) ?? "", out var endpoint) && endpoint.Port != 0
                ? endpoint : null;

        public Uri? WebhookUrl() =>
            Uri.TryCreate(Webhook, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
    }

    /// <summary>
    /// Why the node could not listen, before Kestrel and Orleans try (they would fail after a screen of stack traces, and
    /// Orleans binds with SO_REUSEPORT: a second node on the same ports would start and share them); null when it can.
    /// </summary>
    private static string? CannotListen(HearthServerOptions options)
    {
        if (Unbindable(options.Address, options.Port) is { } http)
        {
            var mapped = options.Address.IsIPv4MappedToIPv6 ? $" (use {options.Address.MapToIPv4()} rather than {options.Address})" : "";
            return http == System.Net.Sockets.SocketError.AddressAlreadyInUse
                ? $"port {options.Port} is already in use: give --port another one, or --port 0 for any free port"
                : $"the node cannot listen on {options.Address} port {options.Port} ({http}){mapped}: give --bind an address of this "
                    + "machine, e.g. 127.0.0.1 (default) or 0.0.0.0";
        }

        var cluster = options.Cluster;
        foreach (var port in cluster is null ? [] : new[] { cluster.SiloPort, cluster.GatewayPort })
        {
            switch (Unbindable(cluster!.AdvertisedAddress, port))
            {
                case System.Net.Sockets.SocketError.AddressAlreadyInUse:
                    return $"port {port} is already in use (another 'hearth up' on this machine?): give this node its own --silo-port and "
                        + $"--gateway-port, or --no-cluster";
                case { } error:
                    return $"the silo cannot listen on {cluster.AdvertisedAddress}:{port} ({error}): give --advertise an address of this machine";
            }
        }

        return null;
    }

    private static System.Net.Sockets.SocketError? Unbindable(System.Net.IPAddress address, int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return null;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    /// <summary>The secret from its file or HEARTH_CLUSTER_SECRET; never printed.</summary>
    private static string? ClusterSecret(string? file) =>
        file is not null ? File.ReadAllText(file).Trim() : Environment.GetEnvironmentVariable("HEARTH_CLUSTER_SECRET") is { Length: > 0 } secret
            ? secret : null;

    /// <summary>
    /// The node's options from the command line; the node validates them as it starts. <paramref name="alone"/>: the
    /// first node this one runs without until it answers; <paramref name="port"/>: the HTTP port once one was bound.
    /// </summary>
    private static void Apply(Settings settings, HearthServerOptions options, IPEndPoint? alone, int port)
    {
        options.Port = port;
        options.Bind = settings.Bind;
        options.RequireToken = settings.RequireToken;
        options.Interval = TimeSpan.FromSeconds(settings.Interval);
        options.Webhook = settings.WebhookUrl();
        options.Cluster = settings.NoCluster ? null : new HearthClusterOptions
        {
            SiloPort = settings.SiloPort,
            GatewayPort = settings.GatewayPort,
            NodeName = settings.NodeName,
            Lease = TimeSpan.FromSeconds(settings.Lease),
            Devices = settings.Devices,
            MqttPort = settings.MqttPort,
            Join = alone is null ? settings.JoinEndpoint() : null,
            Rejoin = alone,
            AdvertisedAddress = IPAddress.Parse(settings.Advertise),
            Secret = ClusterSecret(settings.ClusterSecretFile),
            Membership = settings.Cluster is null ? null : PostgresMembership.ConnectionString(settings.Cluster),
            ClusterId = settings.ClusterId,
        };
    }

    /// <summary>
    /// Runs the node until it is stopped. When its silo leaves a development cluster (the first node gone, back, or its
    /// membership lost), the node starts again at once: alone while the first node does not answer, joined when it does.
    /// </summary>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var port = settings.Port;
        var first = settings.NoCluster || settings.Cluster is not null ? null : settings.JoinEndpoint();
        try
        {
            for (var restart = false; ; restart = true)
            {
                var alone = first is not null && !await FirstNodeWatch.AnswersAsync(first, TimeSpan.FromSeconds(2), cancellationToken)
                    .ConfigureAwait(false) ? first : null;
                if (alone is not null && !restart)
                {
                    Console.Error.WriteLine($"hearth: the cluster's first node {first} does not answer: this node runs alone and joins it "
                        + "when it answers");
                }

                var (code, exit, boundPort) = await RunNodeAsync(settings, alone, port, restart, cancellationToken).ConfigureAwait(false);
                if (exit is null)
                {
                    return code;
                }

                port = boundPort;
                Console.Error.WriteLine(exit.Exit switch
                {
                    ClusterExit.FirstNodeGone => $"hearth: {exit.Reason}: this node leaves the cluster, goes on alone and joins it again when "
                        + "it answers",
                    ClusterExit.FirstNodeBack => $"hearth: {exit.Reason}: this node joins it again",
                    _ => $"hearth: the cluster's membership was lost ({exit.Reason}): this node leaves the cluster and starts again",
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok; // Ctrl+C while the node (re)starts
        }
    }

    /// <summary>One life of the node: its exit code, why its silo left the cluster (null: the node was stopped), its HTTP port.</summary>
    private static async Task<(int Code, ClusterLink? Exit, int Port)> RunNodeAsync(Settings settings, IPEndPoint? alone, int port, bool restart,
        CancellationToken cancellationToken)
    {
        var app = HearthServer.Build(o => Apply(settings, o, alone, port));
        await using (app.ConfigureAwait(false))
        {
            // Resolving the options validates them: an OptionsValidationException lists every problem with its fix.
            var options = app.Services.GetRequiredService<HearthServerOptions>();
            if (CannotListen(options) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return (ExitCodes.UsageOrInternal, null, port);
            }

            if (options.Cluster?.Membership is { } membership)
            {
                try
                {
                    await PostgresMembership.EnsureSchemaAsync(membership, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
                {
                    Console.Error.WriteLine($"error: the cluster database does not answer ({e.Message}): check --cluster "
                        + $"(postgres://user:password@host:5432/database)");
                    return (ExitCodes.UsageOrInternal, null, port);
                }
            }

            // The node reports ready only when its models answer: the encoder, the heads and both language models (a text in
            // a language other than the default loads Lingua's full one) are loaded now, not on the first request (docs/api.md).
            Console.Error.WriteLine("loading the text models…");
            app.Services.GetRequiredService<TextAnalyzer>().AnalyzeMany(
                ["Anna loves the new GPU cluster in Lyon.", "Anna adore le nouveau cluster de Lyon."], Feature.All,
                cancellationToken: cancellationToken);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = new Uri(app.Urls.First());
            NodeBanner.Print(options, address, restart);
            // Ends on Ctrl+C and on SIGTERM (systemd, docker stop), stopping the node cleanly, or when the silo leaves the cluster.
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            var link = options.Cluster is null ? null : app.Services.GetRequiredService<ClusterLink>();
            return (0, link?.Exit is null or ClusterExit.None ? null : link, address.Port);
        }
    }
}
