using System.Net;
using Hearth.Cluster.Jobs;

namespace Hearth.Cluster;

/// <summary>How a node joins the Hearth cluster (docs/cluster.md).</summary>
public sealed class HearthClusterOptions
{
    /// <summary>Silo-to-silo port (Orleans).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The node's name in the cluster; unique per cluster. Default: host name and silo port.</summary>
    public string? NodeName { get; set; }

    /// <summary>A node of the cluster to join (its silo endpoint); null: this node starts the cluster.</summary>
    public IPEndPoint? Join { get; set; }

    /// <summary>
    /// The first node of a development cluster this node could not reach: it runs alone (a cluster of its own) and joins
    /// that node when it answers. Null otherwise.
    /// </summary>
    public IPEndPoint? Rejoin { get; set; }

    /// <summary>How often a node checks that the first node of its development cluster answers.</summary>
    public TimeSpan FirstNodeCheck { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks in a row the first node misses before this node leaves the cluster and goes on alone.</summary>
    public int FirstNodeMisses { get; set; } = 5;

    /// <summary>A PostgreSQL connection string where the nodes keep the cluster's membership; null: the first node keeps it.</summary>
    public string? Membership { get; set; }

    /// <summary>
    /// The secret every node of the cluster shares (at least 16 characters): silo traffic then runs over mutual TLS
    /// with keys derived from it, and a node without it cannot join. Required beyond loopback.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The cluster's name (several clusters can share one PostgreSQL database).</summary>
    public string ClusterId { get; set; } = "hearth";

    /// <summary>The address other nodes reach this one at; loopback unless joining over a network.</summary>
    public IPAddress AdvertisedAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Documents per shard.</summary>
    public int ShardSize { get; set; } = 32;

    /// <summary>How long a worker holds a shard before the coordinator gives it to another.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per shard (system failures and expired leases) before its job fails.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often a node tells the cluster what it can do and how busy it is.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Boards attached to this node: "NAME=/dev/ttyACM0" (a serial port, set to 500 kbaud) or "NAME=exec:COMMAND" (a program whose standard input and
    /// output are the line, e.g. the simavr host).
    /// </summary>
    public IReadOnlyList<string> Devices { get; set; } = [];

    /// <summary>A port for the embedded MQTT broker Wi-Fi boards publish their frames to (on <see cref="AdvertisedAddress"/>); null: none.</summary>
    public int? MqttPort { get; set; }

    /// <summary>What this node accepts to run.</summary>
    public IReadOnlyList<JobKind> Roles { get; set; } = [JobKind.Analyze, JobKind.Bench, JobKind.Train];
}
