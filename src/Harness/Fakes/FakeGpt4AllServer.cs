using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using WireMock.Server;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that behaves like the GPT4All desktop API server (see
/// <c>shared/reference/inference-servers.md</c>), quirks included, for the <c>fake</c> profile and the tests.
/// Generation really takes prompt_tokens / PrefillTokensPerSecond + completion_tokens / (TokensPerSecond x SpeedFactor)
/// seconds (awaited, no thread blocked); requests are served one at a time.
/// </summary>
public sealed class FakeGpt4AllServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly FakeGpt4AllEngine _engine;

    private FakeGpt4AllServer(WireMockServer server, FakeGpt4AllEngine engine)
    {
        _server = server;
        _engine = engine;
    }

    /// <summary>OpenAI-style base URL, ending in <c>/v1</c>.</summary>
    public string BaseUrl => _server.Url + "/v1";

    /// <summary>The busy file (absolute), or null when power coupling is off.</summary>
    public string? BusyFilePath => _engine.BusyFilePath;

    /// <param name="options">Models, speeds, powers and the default model.</param>
    /// <param name="busyFile">
    /// When set, holds "cpu_mW gpu_mW" of the served model (x PowerFactor) while a request is generated, and is
    /// deleted when the response is done: what the fake powermetrics reads.
    /// </param>
    /// <param name="time">Clock of the latency and of <c>created</c>; the system clock by default.</param>
    public static FakeGpt4AllServer Start(FakeOptions options, string? busyFile = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var engine = new FakeGpt4AllEngine(options, busyFile, time ?? TimeProvider.System);
        var server = FakeHttpHost.Start(async request =>
                FakeHttpHost.Json(await engine.HandleAsync(request.Method, request.Path, request.Body).ConfigureAwait(false)));
        return new FakeGpt4AllServer(server, engine);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _server.Stop();
        _server.Dispose();
    }


    private static void Validate(FakeOptions options)
    {
        var problems = new List<string>();
        if (!(options.PrefillTokensPerSecond > 0))
            problems.Add(Problem("Fake:PrefillTokensPerSecond", options.PrefillTokensPerSecond, "must be > 0"));
        if (!(options.SpeedFactor > 0))
            problems.Add(Problem("Fake:SpeedFactor", options.SpeedFactor, "must be > 0"));
        if (!(options.PowerFactor >= 0))
            problems.Add(Problem("Fake:PowerFactor", options.PowerFactor, "must be >= 0"));
        if (options.ContextTokens < 1)
            problems.Add(Problem("Fake:ContextTokens", options.ContextTokens, "must be >= 1"));
        if (string.IsNullOrWhiteSpace(options.DefaultModel))
            problems.Add("Fake:DefaultModel is empty: name the model the fake serves for unknown names.");
        foreach (var model in options.Models.Where(m => !(m.TokensPerSecond > 0)))
            problems.Add(Problem($"Fake:Models['{model.Name}']:TokensPerSecond", model.TokensPerSecond, "must be > 0"));
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }

    private static string Problem(string key, double value, string rule) =>
        $"{key} = {value.ToString(CultureInfo.InvariantCulture)} {rule}.";
}
