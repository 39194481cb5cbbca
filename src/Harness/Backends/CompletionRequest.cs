namespace SlmEnergyBench.Harness.Backends;

/// <summary>One generation request, in the harness's terms.</summary>
public sealed record CompletionRequest(
    string Model,
    string Prompt,
    int MaxTokens,
    double Temperature,
    double? TopP = null,
    uint Seed = 42);
