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
            BackendKinds.Gpt4All => ProbeGpt4All(options),
            BackendKinds.LlamaSharp => ProbeModelFiles(options, repositoryRoot),
            _ => Availability.Yes($"backend {options.Backend.Kind} needs nothing outside this process"),
        };
    }

    private static Availability ProbeGpt4All(BenchOptions options)
    {
        var url = options.Backend.BaseUrl.TrimEnd('/') + "/models";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Min(options.Backend.ProbeTimeoutSeconds, 3)) };
        string body;
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, url));
            if (!response.IsSuccessStatusCode)
                return Availability.No($"GET {url} answered {(int)response.StatusCode}");
            using var reader = new StreamReader(response.Content.ReadAsStream());
            body = reader.ReadToEnd();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return Availability.No($"GPT4All's API does not answer at {url} ({(e is TaskCanceledException ? "timeout" : e.Message)})");
        }

        // Only the configured models GPT4All really serves: with none of them, GPT4All is no use to this profile.
        var served = Backends.Gpt4AllJson.ModelIds(body);
        if (served is null)
            return Availability.No($"GPT4All's API at {url} answered something other than a model list");
        var present = options.Models.Where(m => served.Contains(m.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (present.Count == 0)
            return Availability.No($"GPT4All's API answers at {url} but serves none of {string.Join(", ", options.Models)} (it serves {string.Join(", ", served)})");
        return Narrowed(options, present, $"GPT4All's API at {url} serves");
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
