using System.Net;
using Hearth.Cluster;

namespace Hearth.Server;

/// <summary>How <c>hearth up</c> serves: where it listens, how often it samples, where alerts go.</summary>
public sealed class HearthServerOptions
{
    public const int DefaultPort = 7310;

    /// <summary>TCP port; 0 picks a free one (the address is printed).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Address to listen on: loopback by default. Any other address requires the node token.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Analyses run at once (the encoder keeps every core busy): more wait in the queue instead of taking memory.</summary>
    public int AnalysisConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Analysis requests waiting for their turn; beyond, 503 with Retry-After.</summary>
    public int AnalysisQueue { get; set; } = 32;

    /// <summary>Where raised and cleared alerts are POSTed as JSON, if anywhere.</summary>
    public Uri? Webhook { get; set; }

    /// <summary>The node's part in the Hearth cluster (an Orleans silo beside the web server); null: no cluster.</summary>
    public HearthClusterOptions? Cluster { get; set; }

    /// <summary>Require the token on loopback too (<c>hearth up --require-token</c>).</summary>
    public bool RequireToken { get; set; }

    /// <summary>
    /// Whether requests must carry <c>Authorization: Bearer &lt;token&gt;</c>: asked for, or any bind but 127.0.0.1, ::1 and
    /// localhost (127.0.0.2 and the rest of 127/8 too: other local users and containers can reach them).
    /// </summary>
    public bool RequiresToken =>
        RequireToken || !(Bind == "localhost" || (IPAddress.TryParse(Bind, out var address)
            && (address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback))));

    public IPAddress Address => Bind == "localhost" ? IPAddress.Loopback : IPAddress.Parse(Bind);
}
