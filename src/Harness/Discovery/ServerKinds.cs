namespace SlmEnergyBench.Harness.Discovery;

/// <summary>
/// The local inference servers <see cref="ServerIdentifier"/> tells apart, by their answers (not by their port), with the
/// profile of <c>energybench.json</c> that measures each.
/// </summary>
public static class ServerKinds
{
    public const string Gpt4All = "gpt4all";
    public const string Ollama = "ollama";
    public const string LlamaCpp = "llama.cpp";
    public const string LmStudio = "lmstudio";
    public const string Vllm = "vllm";

    /// <summary>Answers <c>GET /v1/models</c> with an OpenAI-style model list, but in no shape of the servers above.</summary>
    public const string OpenAiCompatible = "openai-compatible";

    /// <summary>The name people know each kind by.</summary>
    public static string Title(string kind) => kind switch
    {
        Gpt4All => "GPT4All",
        Ollama => "Ollama",
        LlamaCpp => "llama.cpp llama-server",
        LmStudio => "LM Studio",
        Vllm => "vLLM",
        _ => "an OpenAI-compatible server",
    };

    /// <summary>
    /// The profile of <c>energybench.json</c> made for <paramref name="kind"/> (the repository's own file has one for each),
    /// or null for an unknown OpenAI-compatible server (any <c>openai</c> profile then serves, with <c>Flavor</c> generic).
    /// </summary>
    public static string? Profile(string kind) => kind switch
    {
        Gpt4All => "gpt4all",
        Ollama => "ollama",
        LlamaCpp => "llamacpp",
        LmStudio => "lmstudio",
        Vllm => "vllm",
        _ => null,
    };
}
