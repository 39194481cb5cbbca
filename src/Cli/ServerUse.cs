using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Discovery;

namespace SlmEnergyBench.Cli;

/// <summary>How to measure a server found by <c>slmbench servers</c>: its profile and the settings it needs on top.</summary>
/// <param name="Settings">Environment settings, e.g. <c>ENERGYBENCH_PROFILE=llamacpp</c>, <c>ENERGYBENCH__Models=synthetic-1b-scaled</c>.</param>
/// <param name="Note">Why a setting is there, or what is missing (no such profile, no model served); empty when none.</param>
internal sealed record ServerUse(IReadOnlyList<string> Settings, string Note)
{
    /// <summary>
    /// The profile of <paramref name="server"/>'s kind (<see cref="ServerKinds.Profile"/>; <c>llamacpp</c> with flavor
    /// generic for an unknown OpenAI-compatible server) read from <paramref name="root"/>'s energybench.json, with the base
    /// URL where it differs and the models where the server does not serve all of the profile's.
    /// </summary>
    public static ServerUse For(FoundServer server, string root)
    {
        var profile = ServerKinds.Profile(server.Kind) ?? "llamacpp";
        BenchOptions options;
        try
        {
            var only = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [ConfigLoader.ProfileVariable] = profile };
            options = ConfigLoader.Load(root, only).Options;
        }
        catch (ConfigurationException e)
        {
            return new ServerUse([], $"energybench.json has no usable profile '{profile}' for it ({e.Message})");
        }

        var settings = new List<string> { $"{ConfigLoader.ProfileVariable}={profile}" };
        if (ServerKinds.Profile(server.Kind) is null)
            settings.Add($"{ConfigLoader.OverridePrefix}Backend__Flavor={OpenAiFlavors.Generic}");
        if (!string.Equals(ServerDiscovery.RootOf(options.Backend.BaseUrl), server.RootUrl, StringComparison.OrdinalIgnoreCase))
            settings.Add($"{ConfigLoader.OverridePrefix}Backend__BaseUrl={server.ApiBaseUrl}");

        var present = options.Models.Where(m => server.Models.Any(s => ServerCandidate.Serves(server.Kind, s, m))).ToList();
        var note = "";
        if (present.Count < options.Models.Count && server.Models.Count > 0)
        {
            var models = present.Count > 0 ? present : [.. server.Models];
            settings.Add($"{ConfigLoader.OverridePrefix}Models={Quoted(string.Join(",", models))}");
            note = present.Count > 0
                ? $"it serves {present.Count} of the {options.Models.Count} models of profile {profile}"
                : $"it serves none of the models of profile {profile}: {string.Join(", ", options.Models)}";
        }
        else if (server.Models.Count == 0)
        {
            note = "it serves no model yet";
        }

        return new ServerUse(settings, note);
    }

    private static string Quoted(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\' or '&' or ';' or '|' or '(' or ')' or '<' or '>')
            ? "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : value;
}
