using System.Globalization;

namespace SlmEnergyBench.Harness.Discovery;

/// <summary>What the probe found, in words, for profile <c>auto</c>'s explanation and <c>slmbench servers</c>.</summary>
public static class DiscoveryText
{
    /// <summary>
    /// One line: each server found with its address, version and models (and problems), then the ports where nothing
    /// answers, e.g. "found Ollama 0.5.7 at http://127.0.0.1:11434 serving llama3.2:1b; nothing answers on 4891, 8080".
    /// </summary>
    public static string Summary(IReadOnlyList<PortReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var found = reports.Where(r => r.Server is not null).Select(r => Server(r.Server!)).ToList();
        var other = reports.Where(r => r.Server is null && r.Nothing != "connection refused").Select(r => $"{r.Port}: {r.Nothing}").ToList();
        var refused = reports.Where(r => r.Server is null && r.Nothing == "connection refused").Select(r => r.Port.ToString(CultureInfo.InvariantCulture)).ToList();
        var parts = new List<string>();
        if (found.Count > 0)
            parts.Add("found " + string.Join("; ", found));
        if (other.Count > 0)
            parts.Add("no inference server on " + string.Join("; ", other));
        if (refused.Count > 0)
            parts.Add("nothing answers on " + string.Join(", ", refused));
        return string.Join("; ", parts);
    }

    /// <summary>"Ollama 0.5.7 at http://127.0.0.1:11434 serving a, b (problem)".</summary>
    public static string Server(FoundServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var models = server.Models.Count == 0 ? "serving no model" : "serving " + string.Join(", ", server.Models);
        return $"{server.Title} at {server.ApiBaseUrl} {models}" + (server.Problems.Count > 0 ? $" ({string.Join("; ", server.Problems)})" : "");
    }
}
