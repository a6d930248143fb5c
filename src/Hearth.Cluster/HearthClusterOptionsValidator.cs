using System.Net;
using Hearth.Cluster.Security;
using Microsoft.Extensions.Options;

namespace Hearth.Cluster;

/// <summary>Rejects cluster options that cannot work, saying how to fix them (run at start, with the node's own options).</summary>
public sealed class HearthClusterOptionsValidator : IValidateOptions<HearthClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, HearthClusterOptions options)
    {
        var problems = new List<string>();
        foreach (var (port, option) in new[] { (options.SiloPort, "--silo-port"), (options.GatewayPort, "--gateway-port"),
            (options.MqttPort ?? 1, "--mqtt-port") })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add($"{option} {port} is not a TCP port: use 1–65535");
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            problems.Add($"--silo-port and --gateway-port are both {options.SiloPort}: give each its own port (defaults 11111 and 30000)");
        }

        if (options.Lease <= TimeSpan.Zero)
        {
            problems.Add("--lease must be a positive number of seconds, e.g. --lease 30");
        }

        if (options.ShardSize < 1 || options.MaxAttempts < 1 || options.Heartbeat <= TimeSpan.Zero)
        {
            problems.Add("shard size, attempts per shard and heartbeat must be positive");
        }

        if (options.Join is not null && options.Membership is not null)
        {
            problems.Add("give --join (a node that holds the membership) or --cluster (PostgreSQL holds it), not both");
        }

        if (options.Secret is null && !IPAddress.IsLoopback(options.AdvertisedAddress))
        {
            problems.Add($"nodes that talk beyond loopback (--advertise {options.AdvertisedAddress}) must share a cluster secret: "
                + $"--cluster-secret-file FILE "
                + "(the same file on every node; 'openssl rand -base64 32 > FILE') or HEARTH_CLUSTER_SECRET");
        }

        if (options.Secret is { Length: < ClusterCertificate.MinimumSecretLength })
        {
            problems.Add($"the cluster secret must have at least {ClusterCertificate.MinimumSecretLength} characters ('openssl rand -base64 32')");
        }

        if ((options.Join ?? options.Rejoin) is { } join && !IPAddress.IsLoopback(join.Address) && IPAddress.IsLoopback(options.AdvertisedAddress))
        {
            problems.Add($"--join {join} is on another machine: give --advertise with this machine's address on that network (and the cluster "
                + $"secret)");
        }

        foreach (var device in options.Devices.Where(d => d.Split('=', 2) is not [{ Length: > 0 }, { Length: > 0 }]))
        {
            problems.Add($"--device '{device}' is not NAME=PATH: e.g. --device uno0=/dev/ttyACM0 or --device sim=exec:COMMAND");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
