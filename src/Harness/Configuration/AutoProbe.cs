using SlmEnergyBench.Harness.Embedded;

namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// Decides, for profile <c>auto</c>, whether a candidate profile's backend is usable here. Quick and bounded:
/// it runs at test discovery too (one GET to GPT4All's port, at most <c>Backend:ProbeTimeoutSeconds</c>, and a
/// look into GPT4All's model folder).
/// </summary>
public interface IAutoProbe
{
    /// <summary>Usable or not, with the reason; may narrow <paramref name="options"/> (e.g. to the model files present).</summary>
    Availability Probe(BenchOptions options, string repositoryRoot);
}

/// <summary>The real probe: GPT4All's API for <c>gpt4all</c>, GPT4All's model folder for <c>llamasharp</c>.</summary>
public sealed class AutoProbe : IAutoProbe
{
    public static readonly AutoProbe Instance = new();

    public Availability Probe(BenchOptions options, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend.Kind switch
        {
            BackendKinds.Gpt4All => ProbeGpt4All(options.Backend),
            BackendKinds.LlamaSharp => ProbeModelFiles(options, repositoryRoot),
            _ => Availability.Yes($"backend {options.Backend.Kind} needs nothing outside this process"),
        };
    }

    private static Availability ProbeGpt4All(BackendOptions backend)
    {
        var url = backend.BaseUrl.TrimEnd('/') + "/models";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Min(backend.ProbeTimeoutSeconds, 3)) };
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, url));
            return response.IsSuccessStatusCode
                ? Availability.Yes($"GPT4All's API answered at {url}")
                : Availability.No($"GET {url} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return Availability.No($"GPT4All's API does not answer at {url} ({(e is TaskCanceledException ? "timeout" : e.Message)})");
        }
    }

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

        var missing = options.Models.Except(present, StringComparer.Ordinal).ToList();
        options.Models = present;
        return Availability.Yes($"GPT4All's model files for {string.Join(", ", present)} are in {folder}" +
                                (missing.Count > 0 ? $" (not found, left out: {string.Join(", ", missing)})" : ""));
    }
}
