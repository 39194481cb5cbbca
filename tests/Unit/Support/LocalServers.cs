using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace SlmEnergyBench.Unit.Support;

internal static class LocalServers
{
    /// <summary>A raw WireMock server on 127.0.0.1 and a free port.</summary>
    public static WireMockServer StartWireMock() => WireMockServer.Start(new WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        Logger = new WireMockNullLogger(),
    });

    /// <summary>A base URL where nothing listens (connection refused).</summary>
    public static string ClosedBaseUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }
}
