using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Backends.OpenAi;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.OpenAi;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Fakes.OpenAi;

/// <summary>Fake OpenAI-compatible servers with fast models, the real client pointed at them, and raw HTTP helpers.</summary>
internal static class FakeOpenAiSetup
{
    public const string Small = FakeServerSetup.Small;

    public static FakeOpenAiServer Start(string flavor, FakeOpenAiScenario? scenario = null, double tokensPerSecond = 2000, string? busyFile = null) =>
        FakeOpenAiServer.Start(FakeServerSetup.Options(tokensPerSecond), flavor, busyFile, scenario);

    public static OpenAiClient Client(FakeOpenAiServer fake, string endpoint = Endpoints.Chat, bool stream = true, string flavor = OpenAiFlavors.Auto,
        SessionClock? clock = null) =>
        new(new BackendOptions
        {
            Kind = BackendKinds.OpenAi,
            BaseUrl = fake.BaseUrl,
            Endpoint = endpoint,
            Stream = stream,
            Flavor = flavor,
            TimeoutSeconds = 60,
            ProbeTimeoutSeconds = 60,
            LoadWaitSeconds = 30,
        }, clock ?? new SessionClock());

    public static JsonObject ChatBody(string model = Small, bool stream = true, bool includeUsage = true, int? maxTokens = 20)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Name three units of energy." }),
            ["stream"] = stream,
        };
        if (includeUsage)
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        if (maxTokens is { } max)
            body["max_tokens"] = max;
        return body;
    }

    /// <summary>The SSE events of <paramref name="raw"/> ("data: ..." values; comment lines as they are), split at blank lines.</summary>
    public static IReadOnlyList<string> Events(string raw) =>
        [.. raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)];
}
