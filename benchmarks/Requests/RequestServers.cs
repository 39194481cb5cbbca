using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.OpenAi;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Benchmarks.Requests;

/// <summary>
/// The servers whose client <see cref="RequestOverheadBenchmarks"/> times, each with the model name it answers with and the
/// answer it gives (<see cref="CannedAnswer"/>): llama-server through the <c>openai</c> client (streamed, flavor
/// <c>llama.cpp</c>) and GPT4All through the <c>gpt4all</c> client (one JSON body).
/// </summary>
public static class RequestServers
{
    /// <summary>llama.cpp's llama-server, streaming SSE (the OpenAI-compatible client).</summary>
    public const string LlamaServer = "llama-server";

    /// <summary>GPT4All's desktop API server, one JSON body (the GPT4All client).</summary>
    public const string Gpt4All = "gpt4all";

    /// <summary>The model requested and served: a file name for llama-server, a display name for GPT4All (its catalogue's).</summary>
    public static string Model(string server) => server switch
    {
        LlamaServer => "Llama-3.2-1B-Instruct-Q4_0.gguf",
        Gpt4All => "Llama 3.2 1B Instruct",
        _ => throw new ArgumentOutOfRangeException(nameof(server), server, $"not one of {LlamaServer}, {Gpt4All}"),
    };

    /// <summary>The answer <paramref name="server"/> gives with <paramref name="tokens"/> output tokens.</summary>
    public static CannedAnswer Answer(string server, int tokens) => server switch
    {
        LlamaServer => CannedAnswer.LlamaServerStream(Model(server), tokens),
        Gpt4All => CannedAnswer.Gpt4AllBody(Model(server), tokens),
        _ => throw new ArgumentOutOfRangeException(nameof(server), server, $"not one of {LlamaServer}, {Gpt4All}"),
    };

    /// <summary>The <c>Backend</c> section that points the harness's client for <paramref name="server"/> at <paramref name="baseUrl"/> (no <c>/v1</c>).</summary>
    public static BackendOptions Backend(string server, string baseUrl) => new()
    {
        Kind = server == LlamaServer ? BackendKinds.OpenAi : BackendKinds.Gpt4All,
        BaseUrl = baseUrl + "/v1",
        Flavor = OpenAiFlavors.LlamaCpp,
        Stream = true,
    };

    /// <summary>
    /// The harness's client of <paramref name="server"/> as the suite builds it (one <see cref="HttpClient"/> with its default
    /// pooled handler and no timeout of its own); GPT4All's with the built-in model catalogue, so no file is read.
    /// </summary>
    public static ICompletionBackend Client(string server, BackendOptions options, SessionClock clock) => server switch
    {
        LlamaServer => new OpenAiClient(options, clock),
        Gpt4All => new Gpt4AllClient(options, clock, catalog: Gpt4AllModelCatalog.BuiltIn),
        _ => throw new ArgumentOutOfRangeException(nameof(server), server, $"not one of {LlamaServer}, {Gpt4All}"),
    };

    /// <summary>The JSON the harness's client sends for <paramref name="request"/>, as bytes: what the bare path sends too.</summary>
    public static byte[] RequestBody(string server, CompletionRequest request, BackendOptions options) => server switch
    {
        LlamaServer => JsonSerializer.SerializeToUtf8Bytes(
            OpenAiRequestBody.Create(request, options.Endpoint, options.Flavor, options.Stream)),
        Gpt4All => JsonSerializer.SerializeToUtf8Bytes(Gpt4AllRequestBody.Create(request, options.Endpoint)),
        _ => throw new ArgumentOutOfRangeException(nameof(server), server, $"not one of {LlamaServer}, {Gpt4All}"),
    };
}
