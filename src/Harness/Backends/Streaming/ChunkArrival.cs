namespace SlmEnergyBench.Harness.Backends.Streaming;

/// <summary>
/// One content-bearing chunk of a streamed answer as the client received it: <paramref name="AtS"/> on the session
/// clock (s), carrying <paramref name="Tokens"/> output tokens (1 for a llama.cpp SSE chunk or an Ollama NDJSON line;
/// more when a server batches tokens into one chunk). Chunks without content (a role-only first chunk, an empty string,
/// an SSE comment, the usage chunk) are never arrivals (shared/reference/serving-metrics.md, TTFT).
/// </summary>
public readonly record struct ChunkArrival(double AtS, int Tokens);
