using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Fakes;

/// <summary>Fake options, the real client of a fake server, and a plain HttpClient helper for tests of the fake server.</summary>
internal static class FakeServerSetup
{
    /// <summary>
    /// The real client of <paramref name="fake"/>, its timing on <paramref name="clock"/> (a fresh system clock when null).
    /// Its timeouts only a hung server could reach: the fake answers at once, but the availability probe is often a fresh
    /// server's first request, whose JIT work alone can take seconds on a loaded machine. 60 s also lies beyond the
    /// horizon of the <c>SkipAheadTimeProvider</c> that session tests on virtual time use.
    /// </summary>
    public static Gpt4AllClient Client(FakeGpt4AllServer fake, SessionClock? clock = null, string endpoint = Endpoints.Completions) =>
        new(new BackendOptions { BaseUrl = fake.BaseUrl, Endpoint = endpoint, TimeoutSeconds = 60, ProbeTimeoutSeconds = 60 }, clock ?? new SessionClock());

    public const string Small = "Llama 3.2 1B Instruct";
    public const string Large = "Llama 3 8B Instruct";

    /// <summary>Two fast models, so tests do not wait long.</summary>
    public static FakeOptions Options(double tokensPerSecond = 20000, int contextTokens = 2048) => new()
    {
        DefaultModel = Small,
        PrefillTokensPerSecond = 200000,
        ContextTokens = contextTokens,
        Models =
        [
            new FakeModelOptions { Name = Small, TokensPerSecond = tokensPerSecond, ActiveCpuPowerW = 1.5, ActiveGpuPowerW = 15 },
            new FakeModelOptions { Name = Large, TokensPerSecond = tokensPerSecond, ActiveCpuPowerW = 4, ActiveGpuPowerW = 30 },
        ],
    };

    public static JsonObject CompletionBody(string model = Small, string prompt = "Name three units of energy.", int? maxTokens = 1024)
    {
        var body = new JsonObject { ["model"] = model, ["prompt"] = prompt };
        if (maxTokens is { } max)
            body["max_tokens"] = max;
        return body;
    }

    /// <summary>A prompt for which <paramref name="model"/> "wants" to write at least <paramref name="tokens"/> tokens.</summary>
    public static string PromptWanting(string model, int tokens) =>
        Enumerable.Range(0, 10000).Select(i => $"Write about topic {i}.").First(p => FakeTextGenerator.NaturalLength(model, p) >= tokens);

    public static async Task<(int Status, string Body)> PostAsync(HttpClient http, string url, JsonNode body)
    {
        using var response = await http.PostAsync(url, JsonContent.Create(body), TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<(int Status, string Body)> SendAsync(HttpClient http, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static string ErrorMessage(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
