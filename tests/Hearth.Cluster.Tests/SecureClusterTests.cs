using System.Net;
using Hearth.Cluster.Jobs;
using Hearth.Cluster.Security;

using Hearth.Testing;

namespace Hearth.Cluster.Tests;

/// <summary>Silo traffic over mutual TLS with keys derived from a shared secret: without the secret, no joining.</summary>
public sealed class SecureClusterTests
{
    private const string Secret = "correct horse battery staple 42";

    [Fact]
    public async Task Nodes_with_the_secret_form_a_cluster_and_share_work_a_node_without_it_cannot_join()
    {
        await using var nodes = new RealNodes();
        var first = await nodes.Start("tls-a", o => o.Secret = Secret);
        var primary = new IPEndPoint(IPAddress.Loopback, RealNodes.SiloPort(first));
        var second = await nodes.Start("tls-b", o => (o.Secret, o.Join) = (Secret, primary));
        await Eventually.Until(() => RealNodes.Active(first).Count == 2);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var intruder = nodes.Start("tls-intruder", o => (o.Secret, o.Join) = ("another secret, not the cluster's", primary), giveUp.Token);

        var job = await RealNodes.Coordinator(second).SubmitAsync(TestCluster.Documents(12), CancellationToken.None);
        var progress = await TestCluster.Finished(() => RealNodes.Coordinator(second), job);
        await Assert.ThrowsAnyAsync<Exception>(() => intruder); // it never gets in: its start fails or is given up

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(["tls-a", "tls-b"], RealNodes.Active(first));
    }

    [Fact]
    public void Every_node_derives_the_same_key_from_the_secret_and_a_short_secret_is_refused()
    {
        using var one = ClusterCertificate.FromSecret(Secret, "hearth");
        using var two = ClusterCertificate.FromSecret(Secret, "hearth");
        using var other = ClusterCertificate.FromSecret(Secret, "another-cluster");

        Assert.True(ClusterCertificate.SameKey(two, one));
        Assert.False(ClusterCertificate.SameKey(other, one));
        Assert.Contains("at least 16 characters", Assert.Throws<ArgumentException>(() => ClusterCertificate.FromSecret("short", "hearth")).Message,
            StringComparison.Ordinal);
    }
}
