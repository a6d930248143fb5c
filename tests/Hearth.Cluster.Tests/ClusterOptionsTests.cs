using System.Net;

namespace Hearth.Cluster.Tests;

public sealed class ClusterOptionsTests
{
    private static IReadOnlyList<string> Problems(HearthClusterOptions options) =>
        [.. new HearthClusterOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Problems(new HearthClusterOptions()));
    }

    [Fact]
    public void A_node_beyond_loopback_without_a_secret_is_told_how_to_make_one()
    {
        var problems = Problems(new HearthClusterOptions { AdvertisedAddress = IPAddress.Parse("192.0.2.20") });

        Assert.Contains(problems, p => p.Contains("must share a cluster secret", StringComparison.Ordinal)
            && p.Contains("openssl rand", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_impossible_value_is_reported_with_its_fix_at_once()
    {
        var problems = Problems(new HearthClusterOptions
        {
            SiloPort = 30000,
            MqttPort = 70000,
            Lease = TimeSpan.Zero,
            Secret = "short",
            Join = IPEndPoint.Parse("127.0.0.1:11111"),
            Membership = "Host=db;Database=hearth",
            Devices = ["uno0"],
        });

        Assert.Contains(problems, p => p.Contains("--silo-port and --gateway-port are both 30000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--mqtt-port 70000 is not a TCP port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--lease must be a positive number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--device 'uno0' is not NAME=PATH", StringComparison.Ordinal));
    }
}
