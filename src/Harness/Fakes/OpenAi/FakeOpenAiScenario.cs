namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// The quirks and faults a fake OpenAI-compatible server acts out, so a client's handling of each can be tested.
/// The defaults are a healthy server that frames its streams as llama-server, LM Studio and vLLM do.
/// </summary>
public sealed record FakeOpenAiScenario
{
    /// <summary>
    /// Seconds from the first request during which every route answers 503 (llama-server while it loads the model:
    /// <c>{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}</c>); 0 = loaded at once.
    /// </summary>
    public double LoadingSeconds { get; init; }

    /// <summary>Whether a stream ends with <c>data: [DONE]</c> (llama-server's, LM Studio's and vLLM's OpenAI routes send it).</summary>
    public bool SendDone { get; init; } = true;

    /// <summary>
    /// Whether a stream opens with an SSE comment line <c>: ping</c> while the prompt is processed (as servers built on
    /// sse-starlette send to keep a connection alive); clients must ignore it.
    /// </summary>
    public bool PingComments { get; init; } = true;

    /// <summary>When set, a stream sends this many content chunks and then an error object (<c>data: {"error":{...}}</c>) with HTTP status 200, and ends.</summary>
    public int? MidStreamErrorAfterTokens { get; init; }

    /// <summary>The healthy server.</summary>
    public static FakeOpenAiScenario Healthy { get; } = new();
}
