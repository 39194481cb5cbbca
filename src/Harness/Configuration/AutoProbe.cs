using SlmEnergyBench.Harness.Discovery;
using SlmEnergyBench.Harness.Embedded;

namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// Decides, for profile <c>auto</c>, whether a candidate profile's backend is usable here. Quick and bounded:
/// it runs at test discovery too (the usual ports of the local servers asked once, all at once, each for at most
/// <c>Backend:ProbeTimeoutSeconds</c> capped at 1 s, and a look into GPT4All's model folder).
/// </summary>
public interface IAutoProbe
{
    /// <summary>Usable or not, with the reason; may narrow <paramref name="options"/> (e.g. to the model files present).</summary>
    Availability Probe(BenchOptions options, string repositoryRoot);

    /// <summary>What the probe found on this machine so far (servers, versions, models), for the choice's explanation; null when it asked nothing.</summary>
    string? Found() => null;
}

/// <summary>
/// The real probe: the servers found by <see cref="ServerDiscovery"/> for <c>gpt4all</c>, <c>ollama</c> and <c>openai</c>
/// (<see cref="ServerCandidate"/>), GPT4All's model folder for <c>llamasharp</c>.
/// </summary>
public sealed class AutoProbe(ServerDiscovery discovery) : IAutoProbe
{
    /// <summary>The probe of this process: its servers are asked once (<see cref="ServerDiscovery.Shared"/>).</summary>
    public static readonly AutoProbe Instance = new(ServerDiscovery.Shared);

    public Availability Probe(BenchOptions options, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend.Kind switch
        {
            BackendKinds.Gpt4All or BackendKinds.Ollama or BackendKinds.OpenAi => ServerCandidate.Judge(options,
                discovery.Discover(options.Backend.ProbeTimeoutSeconds, ServerDiscovery.RootOf(options.Backend.BaseUrl) is { } root ? [root] : null)),
            BackendKinds.LlamaSharp => ProbeModelFiles(options, repositoryRoot),
            _ => Availability.Yes($"backend {options.Backend.Kind} needs nothing outside this process"),
        };
    }

    public string? Found() => discovery.HasProbed ? DiscoveryText.Summary(discovery.Known()) : null;

    private static Availability ProbeModelFiles(BenchOptions options, string repositoryRoot)
    {
        if (options.Models.All(m => m.StartsWith("synthetic-", StringComparison.Ordinal)))
            return Availability.Yes("synthetic reference models are generated here and need no download");

        var folder = string.IsNullOrWhiteSpace(options.Embedded.ModelFolder)
            ? Gpt4AllModelFolder.Default()
            : RepositoryPaths.Resolve(repositoryRoot, options.Embedded.ModelFolder);
        var present = options.Models.Where(m => Gpt4AllModelFolder.Find(folder, m) is not null).ToList();
        if (present.Count == 0)
            return Availability.No($"none of {string.Join(", ", options.Models)} is in GPT4All's model folder {folder}");

        return Narrowed(options, present, $"GPT4All's model files are in {folder} for");
    }

    private static Availability Narrowed(BenchOptions options, List<string> present, string what)
    {
        var missing = options.Models.Except(present, StringComparer.Ordinal).ToList();
        options.Models = present;
        return Availability.Yes($"{what} {string.Join(", ", present)}" +
                                (missing.Count > 0 ? $" (not found, left out: {string.Join(", ", missing)})" : ""));
    }
}
