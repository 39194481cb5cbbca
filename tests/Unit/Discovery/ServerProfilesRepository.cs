using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SlmEnergyBench.Unit.Configuration;

namespace SlmEnergyBench.Unit.Discovery;

/// <summary>The repository's energybench.json with its server profiles pointed at ports a test chooses, never the real usual ones.</summary>
internal static class ServerProfilesRepository
{
    /// <summary>A copy of energybench.json with each named profile's base URL on its port (and, optionally, llamacpp's models).</summary>
    public static TempRepository With(IReadOnlyDictionary<string, int> ports, string[]? llamacppModels = null)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root, "energybench.json")))!;
        foreach (var (profile, port) in ports)
            config["Profiles"]![profile]!["Backend"]!["BaseUrl"] = profile == "ollama" ? $"http://127.0.0.1:{port}" : $"http://127.0.0.1:{port}/v1";
        if (llamacppModels is not null)
            config["Profiles"]!["llamacpp"]!["Models"] = new JsonArray([.. llamacppModels.Select(m => (JsonNode)m)]);
        return new TempRepository(config.ToJsonString());
    }

    /// <summary><paramref name="count"/> distinct ports where nothing listens (connection refused).</summary>
    public static int[] ClosedPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
