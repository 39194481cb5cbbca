namespace SlmEnergyBench.Harness.Configuration;

public sealed class BackendOptions
{
    /// <summary>
    /// <c>gpt4all</c> (a real server at <see cref="BaseUrl"/>), <c>fake-gpt4all</c> (an in-process WireMock server),
    /// <c>llamasharp</c> (llama.cpp in process, see <see cref="EmbeddedOptions"/>), <c>ollama</c> (Ollama's native API at
    /// <see cref="BaseUrl"/>, e.g. http://127.0.0.1:11434), <c>openai</c> (any OpenAI-compatible server: llama-server,
    /// LM Studio, vLLM, SGLang...; <see cref="Flavor"/>), or their in-process fakes <c>fake-ollama</c> and <c>fake-openai</c>.
    /// </summary>
    public string Kind { get; set; } = BackendKinds.Gpt4All;

    /// <summary>OpenAI-style base URL including <c>/v1</c>. Ignored for <c>fake-gpt4all</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:4891/v1";

    /// <summary><c>completions</c> (as the study) or <c>chat</c>.</summary>
    public string Endpoint { get; set; } = Endpoints.Completions;

    /// <summary>Longest a generation may take. Generation on a laptop can take minutes.</summary>
    public double TimeoutSeconds { get; set; } = 600;

    /// <summary>Longest the availability probe may take before the cases are skipped.</summary>
    public double ProbeTimeoutSeconds { get; set; } = 3;

    /// <summary>
    /// Which OpenAI-compatible server <c>openai</c> talks to, for its extras: <c>auto</c> (told from the server's answers),
    /// <c>llama.cpp</c> (<c>timings</c> in ms; <c>cache_prompt: false</c> sent), <c>lmstudio</c> (<c>stats</c> in s),
    /// <c>vllm</c>, or <c>generic</c> (no extras). For <c>fake-openai</c>: which server the fake imitates.
    /// </summary>
    public string Flavor { get; set; } = OpenAiFlavors.Auto;

    /// <summary>Ollama's <c>keep_alive</c> sent with every request so the model stays loaded between cases (e.g. "30m"; "-1" = forever).</summary>
    public string KeepAlive { get; set; } = "30m";

    /// <summary>Longest to wait, s, for a server that answers 503 while it loads a model, before the case fails.</summary>
    public double LoadWaitSeconds { get; set; } = 120;

    /// <summary>Whether to stream the answer (time to first token and inter-token gaps need it); ignored by <c>gpt4all</c>, which cannot.</summary>
    public bool Stream { get; set; } = true;
}

/// <summary>The OpenAI-compatible servers whose extras the <c>openai</c> backend knows (<see cref="BackendOptions.Flavor"/>).</summary>
public static class OpenAiFlavors
{
    public const string Auto = "auto";
    public const string LlamaCpp = "llama.cpp";
    public const string LmStudio = "lmstudio";
    public const string Vllm = "vllm";
    public const string Generic = "generic";
    public static readonly string[] All = [Auto, LlamaCpp, LmStudio, Vllm, Generic];
}

public static class BackendKinds
{
    public const string Gpt4All = "gpt4all";
    public const string FakeGpt4All = "fake-gpt4all";
    public const string LlamaSharp = "llamasharp";
    public const string Ollama = "ollama";
    public const string FakeOllama = "fake-ollama";
    public const string OpenAi = "openai";
    public const string FakeOpenAi = "fake-openai";
    public static readonly string[] All = [Gpt4All, FakeGpt4All, LlamaSharp, Ollama, FakeOllama, OpenAi, FakeOpenAi];

    /// <summary>The in-process stand-ins the suite ships (their text, tokens and timings are simulated).</summary>
    public static readonly string[] Fakes = [FakeGpt4All, FakeOllama, FakeOpenAi];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="Fakes"/>.</summary>
    public static bool IsFake(string kind) => Fakes.Contains(kind, StringComparer.Ordinal);
}

public static class Endpoints
{
    public const string Completions = "completions";
    public const string Chat = "chat";
    public static readonly string[] All = [Completions, Chat];
}
