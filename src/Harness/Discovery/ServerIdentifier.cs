namespace SlmEnergyBench.Harness.Discovery;

/// <summary>
/// Tells which server answered on a port from its answers to <see cref="ProbePaths.All"/>, not from the port, in this order
/// (each server's own shapes, from its source and documentation, ../shared/reference/inference-servers.md; llama-server's
/// checked against a real one, Debian's llama.cpp 0.7.0 build b11669):
/// <list type="number">
/// <item>Ollama: <c>/api/tags</c> lists <c>models</c> with a <c>name</c> each; <c>/api/version</c> gives its version.</item>
/// <item>llama.cpp: <c>/props</c> carries <c>build_info</c> or <c>default_generation_settings</c>, or the <c>Server</c> header
/// is <c>llama.cpp</c>, or <c>/v1/models</c>'s models are <c>owned_by: llamacpp</c>; <c>/health</c> 503 while it loads.</item>
/// <item>LM Studio: <c>/api/v0/models</c> lists models with a <c>state</c> (<c>loaded</c>, <c>not-loaded</c>), or
/// <c>/v1/models</c>'s are <c>owned_by: organization_owner</c>.</item>
/// <item>vLLM: <c>/v1/models</c>'s models are <c>owned_by: vllm</c>; <c>/version</c> gives its version.</item>
/// <item>GPT4All: <c>/v1/models</c>'s models are <c>owned_by: humanity</c>, or (no model installed) every other path is
/// a 404 with an empty body, as only GPT4All answers unknown paths.</item>
/// <item>Any other server whose <c>/v1/models</c> is an OpenAI-style list: <see cref="ServerKinds.OpenAiCompatible"/>.</item>
/// </list>
/// </summary>
public static class ServerIdentifier
{
    /// <summary>The report of one port from the answers to its GETs (by path).</summary>
    public static PortReport Identify(string rootUrl, int port, string? usualKind, IReadOnlyDictionary<string, HttpAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var models = answers[ProbePaths.Models];
        if (answers.Values.All(a => a.Status is null))
            return new PortReport(rootUrl, port, usualKind, null, models.Failure ?? "no answer");

        var server = Ollama(rootUrl, answers) ?? LlamaCpp(rootUrl, answers) ?? LmStudio(rootUrl, answers)
            ?? OpenAiStyle(rootUrl, answers);
        return server is not null
            ? new PortReport(rootUrl, port, usualKind, server, null)
            : new PortReport(rootUrl, port, usualKind, null,
                $"answers HTTP ({Status(models)} on {ProbePaths.Models}) but in no inference server's shape the probe knows");
    }

    private static FoundServer? Ollama(string rootUrl, IReadOnlyDictionary<string, HttpAnswer> answers)
    {
        var tags = answers[ProbePaths.OllamaTags];
        var pulled = tags.IsOk ? DiscoveryJson.Objects(DiscoveryJson.Object(tags.Body), "models") : null;
        if (pulled is null || !pulled.All(m => DiscoveryJson.String(m, "name") is not null))
            return null;

        var version = answers[ProbePaths.OllamaVersion];
        var names = pulled.Select(m => DiscoveryJson.String(m, "name")!).ToList();
        List<string> problems = names.Count == 0 ? ["no model pulled: pull one with 'ollama pull <name>', e.g. 'ollama pull llama3.2:1b'"] : [];
        return new FoundServer(ServerKinds.Ollama, rootUrl, rootUrl,
            version.IsOk ? DiscoveryJson.String(DiscoveryJson.Object(version.Body), "version") : null, names, problems);
    }

    private static FoundServer? LlamaCpp(string rootUrl, IReadOnlyDictionary<string, HttpAnswer> answers)
    {
        var props = answers[ProbePaths.LlamaCppProps];
        var settings = props.IsOk ? DiscoveryJson.Object(props.Body) : null;
        var isLlamaCpp = settings is { } s && (s.TryGetProperty("build_info", out _) || s.TryGetProperty("default_generation_settings", out _))
            || answers.Values.Any(a => string.Equals(a.ServerHeader, "llama.cpp", StringComparison.OrdinalIgnoreCase))
            || OwnedBy(answers, "llamacpp");
        if (!isLlamaCpp)
            return null;

        var problems = new List<string>();
        foreach (var path in new[] { ProbePaths.Health, ProbePaths.Models })
        {
            var answer = answers[path];
            if (answer.Status == 503)
            {
                problems.Add($"still loading its model (503 on {path}: {DiscoveryJson.ErrorMessage(answer.Body) ?? "no message"})");
                break;
            }
        }

        var build = DiscoveryJson.String(settings, "build_info");
        return OpenAiServer(ServerKinds.LlamaCpp, rootUrl, answers, build, problems);
    }

    private static FoundServer? LmStudio(string rootUrl, IReadOnlyDictionary<string, HttpAnswer> answers)
    {
        var own = answers[ProbePaths.LmStudioModels];
        var listed = own.IsOk ? DiscoveryJson.OpenAiModels(own.Body) : null;
        var isLmStudio = listed is { Count: > 0 } && listed.All(m => DiscoveryJson.String(m, "state") is not null)
            || OwnedBy(answers, "organization_owner");
        if (!isLmStudio)
            return null;
        if (listed is null || listed.Count == 0)
            return OpenAiServer(ServerKinds.LmStudio, rootUrl, answers, null, []);

        // Its own list has every downloaded model with its state; embedding models cannot answer a completion.
        var usable = listed.Where(m => DiscoveryJson.String(m, "type") is not "embeddings").ToList();
        var names = usable.Select(m => DiscoveryJson.String(m, "id")).OfType<string>().ToList();
        List<string> problems = usable.Count > 0 && usable.All(m => DiscoveryJson.String(m, "state") != "loaded")
            ? ["no model loaded: load one with 'lms load <model>' (with JIT loading on, the first request loads it, and the warm-up pays for that)"]
            : [];
        if (names.Count == 0)
            problems.Add("no language model downloaded: get one with 'lms get <model>'");
        return new FoundServer(ServerKinds.LmStudio, rootUrl, rootUrl + "/v1", null, names, problems);
    }

    private static FoundServer? OpenAiStyle(string rootUrl, IReadOnlyDictionary<string, HttpAnswer> answers)
    {
        if (OwnedBy(answers, "vllm"))
        {
            var version = answers[ProbePaths.VllmVersion];
            return OpenAiServer(ServerKinds.Vllm, rootUrl, answers,
                version.IsOk ? DiscoveryJson.String(DiscoveryJson.Object(version.Body), "version") : null, []);
        }

        var models = answers[ProbePaths.Models];
        if (!models.IsOk || DiscoveryJson.OpenAiModels(models.Body) is null)
            return null;
        var othersEmpty404 = answers.Values.Where(a => a.Path != ProbePaths.Models).All(a => a.Status == 404 && a.Body.Length == 0);
        return OpenAiServer(OwnedBy(answers, "humanity") || othersEmpty404 ? ServerKinds.Gpt4All : ServerKinds.OpenAiCompatible,
            rootUrl, answers, null, []);
    }

    private static FoundServer OpenAiServer(string kind, string rootUrl, IReadOnlyDictionary<string, HttpAnswer> answers, string? version, List<string> problems)
    {
        var models = answers[ProbePaths.Models];
        var names = models.IsOk
            ? (DiscoveryJson.OpenAiModels(models.Body) ?? []).Select(m => DiscoveryJson.String(m, "id")).OfType<string>().ToList()
            : [];
        if (!models.IsOk && problems.Count == 0)
            problems.Add($"{ProbePaths.Models} answered {Status(models)}{(DiscoveryJson.ErrorMessage(models.Body) is { } m ? $": {m}" : "")}");
        else if (models.IsOk && names.Count == 0)
            problems.Add("serves no model");
        return new FoundServer(kind, rootUrl, rootUrl + "/v1", version, names, problems);
    }

    private static bool OwnedBy(IReadOnlyDictionary<string, HttpAnswer> answers, string owner)
    {
        var models = answers[ProbePaths.Models];
        var listed = models.IsOk ? DiscoveryJson.OpenAiModels(models.Body) : null;
        return listed is { Count: > 0 } && listed.Any(m => DiscoveryJson.String(m, "owned_by") == owner);
    }

    private static string Status(HttpAnswer answer) => answer.Status is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : answer.Failure ?? "no answer";
}
