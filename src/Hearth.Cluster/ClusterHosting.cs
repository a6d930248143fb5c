using System.Net;
using Hearth.Cluster.Jobs;
using Hearth.Cluster.Nodes;
using Hearth.Cluster.Placement;
using Hearth.Hardware.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Hearth.Cluster;

/// <summary>Makes a host an Orleans silo of the Hearth cluster (docs/cluster.md).</summary>
public static class ClusterHosting
{
    public const string ClusterId = "hearth";

    /// <summary>
    /// Membership: alone, this node is the cluster's primary; with <see cref="HearthClusterOptions.Join"/>, it joins
    /// the primary there (Orleans development clustering: the primary holds the membership table).
    /// </summary>
    public static ISiloBuilder UseHearthCluster(this ISiloBuilder silo, HearthClusterOptions options)
    {
        var self = new IPEndPoint(options.AdvertisedAddress, options.SiloPort);
        silo.UseDevelopmentClustering(options.Join ?? self)
            .ConfigureEndpoints(options.AdvertisedAddress, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(options.AdvertisedAddress))
            .Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = (ClusterId, ClusterId))
            .Configure<SiloOptions>(s => s.SiloName = options.NodeName ?? $"{Environment.MachineName}-{options.SiloPort}");
        return silo.AddHearthNode(options);
    }

    /// <summary>The node's cluster services, without membership (tests bring their own).</summary>
    public static ISiloBuilder AddHearthNode(this ISiloBuilder silo, HearthClusterOptions options)
    {
        silo.AddPlacementDirector<NodePlacement, NodePlacementDirector>();
        var services = silo.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => HearthDatabase.InDefaultHome());
        services.TryAddSingleton<BenchHistory>();
        services.TryAddSingleton<IShardRunner, AnalyzeShardRunner>();
        services.AddSingleton(options);
        services.AddSingleton<ClusterJobStore>();
        services.AddSingleton<JobCoordinator>();
        services.AddSingleton<LocalNode>();
        services.AddSingleton<NodeAnnouncer>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeAnnouncer>());
        services.AddHostedService<ShardWorker>();
        return silo;
    }
}
