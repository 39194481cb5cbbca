using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Discovery;

/// <summary>
/// Judges a candidate profile of <c>auto</c> whose backend is a server (<c>gpt4all</c>, <c>ollama</c>, <c>openai</c>) against
/// what the probe found: the server of the right kind at the profile's <c>Backend:BaseUrl</c>, else on another usual port
/// (then the base URL moves there); and only the configured models it serves (the others are left out and named).
/// </summary>
public static class ServerCandidate
{
    /// <summary>Usable or not, with what was found and which models it serves; narrows <paramref name="options"/>'s models and base URL.</summary>
    public static Availability Judge(BenchOptions options, IReadOnlyList<PortReport> reports)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reports);
        var wanted = WantedKinds(options.Backend);
        var root = ServerDiscovery.RootOf(options.Backend.BaseUrl);
        var configured = reports.FirstOrDefault(r => string.Equals(r.RootUrl, root, StringComparison.OrdinalIgnoreCase));
        var server = configured?.Server is { } here && wanted.Contains(here.Kind)
            ? here
            : reports.Select(r => r.Server).FirstOrDefault(s => s is not null && wanted.Contains(s.Kind));
        if (server is null)
            return Availability.No($"{NoneAnswers(options.Backend)} at {options.Backend.BaseUrl} ({What(configured)}) nor on another usual port");

        var moved = server.RootUrl != root ? $" (not at the configured {options.Backend.BaseUrl}: {What(configured)})" : "";
        options.Backend.BaseUrl = server.ApiBaseUrl;
        var present = options.Models.Where(m => server.Models.Any(s => Serves(server.Kind, s, m))).ToList();
        var serves = server.Models.Count == 0 ? "no model" : string.Join(", ", server.Models);
        var problems = server.Problems.Count > 0 ? $"; {string.Join("; ", server.Problems)}" : "";
        if (present.Count == 0)
        {
            return Availability.No(
                $"{server.Title} at {server.ApiBaseUrl}{moved} serves none of {string.Join(", ", options.Models)} (it serves {serves}){problems}; {Hint(server.Kind)}");
        }

        var missing = options.Models.Except(present, StringComparer.Ordinal).ToList();
        options.Models = present;
        return Availability.Yes($"{server.Title} at {server.ApiBaseUrl}{moved} serves {string.Join(", ", present)}" +
                                (missing.Count > 0 ? $" (not served, left out: {string.Join(", ", missing)}; it serves {serves})" : "") + problems);
    }

    /// <summary>
    /// Whether <paramref name="served"/> (a name the server lists) is <paramref name="configured"/>: the same name ignoring
    /// case, or for Ollama a name without a tag, which Ollama reads as <c>:latest</c>.
    /// </summary>
    public static bool Serves(string kind, string served, string configured)
    {
        var name = configured.Trim();
        return string.Equals(served, name, StringComparison.OrdinalIgnoreCase)
            || (kind == ServerKinds.Ollama && !name.Contains(':', StringComparison.Ordinal) && string.Equals(served, name + ":latest", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The server kinds a backend can measure: its own; any OpenAI-compatible one but GPT4All (which cannot stream) for <c>openai</c> with flavor auto or generic.</summary>
    public static IReadOnlyList<string> WantedKinds(BackendOptions backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return backend.Kind switch
        {
            BackendKinds.Gpt4All => [ServerKinds.Gpt4All],
            BackendKinds.Ollama => [ServerKinds.Ollama],
            _ => backend.Flavor switch
            {
                OpenAiFlavors.LlamaCpp => [ServerKinds.LlamaCpp],
                OpenAiFlavors.LmStudio => [ServerKinds.LmStudio],
                OpenAiFlavors.Vllm => [ServerKinds.Vllm],
                _ => [ServerKinds.LlamaCpp, ServerKinds.LmStudio, ServerKinds.Vllm, ServerKinds.OpenAiCompatible, ServerKinds.Ollama],
            },
        };
    }

    private static string NoneAnswers(BackendOptions backend)
    {
        var kinds = WantedKinds(backend);
        return kinds.Count == 1 ? $"{ServerKinds.Title(kinds[0])} does not answer" : "no OpenAI-compatible server answers";
    }

    private static string What(PortReport? report) => report switch
    {
        null => "not asked",
        { Server: { } s } => $"{s.Title} answers there",
        _ => report.Nothing ?? "nothing",
    };

    private static string Hint(string kind) => kind switch
    {
        ServerKinds.Ollama => "pull a model with 'ollama pull <name>' or name the ones it serves (ENERGYBENCH__Models)",
        ServerKinds.LlamaCpp => "start llama-server with '-m <file.gguf> --alias <name>' or name the one it serves (ENERGYBENCH__Models)",
        ServerKinds.LmStudio => "download it in LM Studio ('lms get <model>') or name the ones it serves (ENERGYBENCH__Models)",
        ServerKinds.Vllm => "start vLLM with '--served-model-name <name>' or name the one it serves (ENERGYBENCH__Models)",
        _ => "name the models it serves (ENERGYBENCH__Models)",
    };
}
