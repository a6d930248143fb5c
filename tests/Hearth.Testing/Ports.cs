using System.Net;
using System.Net.Sockets;

namespace Hearth.Testing;

/// <summary>Free TCP ports on 127.0.0.1, so that tests running side by side never share one.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
