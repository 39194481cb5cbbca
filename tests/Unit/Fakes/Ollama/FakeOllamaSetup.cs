using SlmEnergyBench.Harness.Backends.Ollama;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Ollama;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Fakes.Ollama;

/// <summary>Options for the fake Ollama and the real client pointed at it.</summary>
internal static class FakeOllamaSetup
{
    public const string Small = "llama3.2:1b";
    public const string Large = "llama3.2:3b";

    public static FakeOptions Options(double tokensPerSecond = 5000, double loadSeconds = 0, double prefillTokensPerSecond = 200000) => new()
    {
        PrefillTokensPerSecond = prefillTokensPerSecond,
        ContextTokens = 4096,
        Models =
        [
            new FakeModelOptions { Name = Small, TokensPerSecond = tokensPerSecond, LoadSeconds = loadSeconds, ActiveCpuPowerW = 1.5, ActiveGpuPowerW = 15, PrefillCpuPowerW = 2, PrefillGpuPowerW = 20 },
            new FakeModelOptions { Name = Large, TokensPerSecond = tokensPerSecond, LoadSeconds = loadSeconds, ActiveCpuPowerW = 4, ActiveGpuPowerW = 30 },
        ],
    };

    public static OllamaClient Client(FakeOllamaServer fake, string endpoint = Endpoints.Completions, bool stream = true, string keepAlive = "30m") =>
        new(new BackendOptions
        {
            Kind = BackendKinds.Ollama,
            BaseUrl = fake.BaseUrl,
            Endpoint = endpoint,
            Stream = stream,
            KeepAlive = keepAlive,
            TimeoutSeconds = 60,
            ProbeTimeoutSeconds = 60,
        }, new SessionClock());
}
