namespace SlmEnergyBench.Harness.Backends;

/// <summary>One generation request, in the harness's terms.</summary>
public sealed record CompletionRequest(
    string Model,
    string Prompt,
    int MaxTokens,
    double Temperature,
    double? TopP = null,
    uint Seed = 42)
{
    /// <summary>
    /// In process only: sequences the engine decodes together at this request's point (<c>Embedded:BatchSize</c>); the scheduler
    /// keeps that many requests in flight and the engine batches them. Servers ignore it (their batching is their own).
    /// </summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>In process only: CPU threads at this request's point (<c>Embedded:Threads</c>); null = the engine's configured threads.</summary>
    public int? Threads { get; init; }
}
