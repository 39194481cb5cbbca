namespace SlmEnergyBench.Harness.Fakes;

/// <summary>A completion request the fake accepted. <see cref="Prompt"/> is the chat messages' contents joined for chat.</summary>
internal sealed record FakeCompletionRequest(string Model, string Prompt, int MaxTokens, bool Echo, double? Temperature = null);
