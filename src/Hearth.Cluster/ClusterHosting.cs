using System.Net;
using Hearth.Cluster.Devices;
using Hearth.Cluster.Jobs;
using Hearth.Cluster.Membership;
using Hearth.Cluster.Nodes;
using Hearth.Cluster.Placement;
using Hearth.Cluster.Security;
using Hearth.Hardware.History;
using Hearth.Learning.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Hearth.Cluster;

/// <summary>Makes a host an Orleans silo of the Hearth cluster (docs/cluster.md).</summary>
public static class ClusterHosting
{
    /// <summary>
    /// Membership: in PostgreSQL with <see cref="HearthClusterOptions.Membership"/> (its schema must exist:
    /// <see cref="PostgresMembership.EnsureSchemaAsync"/>); else this node is the cluster's primary, or with
    /// <see cref="HearthClusterOptions.Join"/> it joins the primary there (Orleans development clustering: the
    /// primary holds the membership table).
    /// </summary>
    public static ISiloBuilder UseHearthCluster(this ISiloBuilder silo, HearthClusterOptions options)
    {
        if (options.Membership is { } connectionString)
        {
            silo.UseAdoNetClustering(ado => (ado.Invariant, ado.ConnectionString) = (PostgresMembership.Invariant, connectionString));
        }
        else
        {
            silo.UseDevelopmentClustering(options.Join ?? new IPEndPoint(options.AdvertisedAddress, options.SiloPort));
        }

        if (options.Secret is { } secret)
        {
            var certificate = ClusterCertificate.FromSecret(secret, options.ClusterId);
            silo.UseTls(certificate, tls =>
            {
                tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
                tls.RemoteCertificateValidation = (remote, _, _) => ClusterCertificate.SameKey(remote, certificate);
            });
        }

        silo.ConfigureEndpoints(options.AdvertisedAddress, options.SiloPort, options.GatewayPort,
            listenOnAnyHostAddress: !IPAddress.IsLoopback(options.AdvertisedAddress))
            .Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = (options.ClusterId, options.ClusterId))
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
        if (!services.Any(s => s.ServiceType == typeof(IShardRunner)))
        {
            // Tests bring their own runners; a node runs analyze shards, and int8 sentiment on its paired boards.
            services.AddSingleton<IShardRunner, AnalyzeShardRunner>();
            services.AddSingleton<IShardRunner, BenchShardRunner>();
            services.AddSingleton<IShardRunner, TrainShardRunner>();
            services.AddSingleton<Int8SentimentRunner>();
            services.AddSingleton<IShardRunner>(sp => sp.GetRequiredService<Int8SentimentRunner>());
            services.AddSingleton<IRoleSource>(sp => sp.GetRequiredService<Int8SentimentRunner>());
        }

        services.TryAddSingleton<DeviceGateway>();
        services.AddHostedService<DeviceAttacher>();
        services.AddSingleton<MqttDeviceBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttDeviceBroker>());
        services.AddSingleton(options);
        services.AddSingleton<IJobStore>(sp => options.Membership is { } shared
            ? new PostgresJobStore(shared, options.ClusterId)
            : new SqliteJobStore(sp.GetRequiredService<HearthDatabase>(), options.ClusterId));
        services.AddSingleton<JobCoordinator>();
        services.TryAddSingleton(_ => new ModelStore(HearthHome.Resolve()));
        services.TryAddSingleton<Learning.Serving.TrainedModels>();
        services.AddSingleton<Models.ModelCopies>();
        services.AddSingleton<LocalNode>();
        services.AddSingleton<NodeAnnouncer>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeAnnouncer>());
        services.AddHostedService<ShardWorker>();
        services.AddSingleton<ClusterLink>();
        services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, LeaveOnFatalError>());
        services.AddHostedService<FirstNodeWatch>();
        return silo;
    }
}
