namespace SlmEnergyBench.Harness.Discovery;

/// <summary>
/// The paths the probe asks on every port, whatever usually listens there (an OpenAI-compatible server on 8080 may be
/// anything): together they tell the servers apart (<see cref="ServerIdentifier"/>).
/// </summary>
public static class ProbePaths
{
    /// <summary>OpenAI-style model list: every server here answers it.</summary>
    public const string Models = "/v1/models";

    /// <summary>Ollama: <c>{"version":"0.5.7"}</c>.</summary>
    public const string OllamaVersion = "/api/version";

    /// <summary>Ollama: <c>{"models":[{"name":"llama3.2:1b",...}]}</c>, the pulled models.</summary>
    public const string OllamaTags = "/api/tags";

    /// <summary>llama-server: <c>{"status":"ok"}</c>, 503 while loading; vLLM: 200 with an empty body.</summary>
    public const string Health = "/health";

    /// <summary>llama-server: its settings, with <c>build_info</c> (the build, e.g. <c>b11669-Debian</c>).</summary>
    public const string LlamaCppProps = "/props";

    /// <summary>LM Studio's own REST API: every downloaded model with its <c>state</c> (<c>loaded</c>, <c>not-loaded</c>).</summary>
    public const string LmStudioModels = "/api/v0/models";

    /// <summary>vLLM: <c>{"version":"0.8.5"}</c>.</summary>
    public const string VllmVersion = "/version";

    public static readonly IReadOnlyList<string> All = [Models, OllamaVersion, OllamaTags, Health, LlamaCppProps, LmStudioModels, VllmVersion];
}
