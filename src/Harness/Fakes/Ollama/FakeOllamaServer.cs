using System.Text;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Fakes.Streaming;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that behaves like Ollama's native API (docs/api.md; see also
/// <c>shared/reference/inference-servers.md</c>), for the <c>fake-ollama</c> profile and the tests: <c>GET /api/tags</c>,
/// <c>/api/ps</c>, <c>/api/version</c>, <c>POST /api/show</c>, and <c>POST /api/generate</c> and <c>/api/chat</c> streaming
/// NDJSON (<c>application/x-ndjson</c>, one line per token) or one JSON body with <c>"stream": false</c>. Each answer follows a
/// <see cref="FakeTokenScript"/> logged in <see cref="Script"/>: load (<see cref="FakeModelOptions.LoadSeconds"/>, the first
/// time a model is used and after its keep_alive ran out), prefill = prompt tokens / <see cref="FakeOptions.PrefillTokensPerSecond"/>,
/// then one token every 1 / (TokensPerSecond x SpeedFactor) s; the final object reports those times in ns. An unknown model
/// gets 404 <c>{"error":"model 'x' not found"}</c>. Requests are served one at a time.
/// </summary>
public sealed class FakeOllamaServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly FakeOllamaEngine _engine;

    private FakeOllamaServer(WireMockServer server, FakeOllamaEngine engine)
    {
        _server = server;
        _engine = engine;
    }

    /// <summary>Ollama's base URL, without a path (e.g. http://127.0.0.1:40123), as <c>Backend:BaseUrl</c> takes it.</summary>
    public string BaseUrl => _server.Url!;

    /// <summary>The busy file (absolute), or null when power coupling is off.</summary>
    public string? BusyFilePath => _engine.BusyFilePath;

    /// <summary>Every answer scripted so far, in arrival order: the truth the client's TTFT and inter-token gaps are checked against.</summary>
    public FakeScriptLog Script => _engine.Log;

    /// <param name="options">Models (by Ollama name, e.g. <c>llama3.2:1b</c>), speeds, powers, load times, context size.</param>
    /// <param name="busyFile">
    /// When set, holds "cpu_mW gpu_mW" while a request runs: the model's prefill power (PrefillCpuPowerW/PrefillGpuPowerW,
    /// else its active power) during load and prefill, its active power while decoding (x PowerFactor); deleted when the
    /// answer is done. What the fake powermetrics reads.
    /// </param>
    /// <param name="script">Where each answer's script is logged; a new log when null.</param>
    /// <param name="time">Clock of keep_alive and of <c>created_at</c>; the system clock by default. Token pacing is always on
    /// the monotonic <see cref="System.Diagnostics.Stopwatch"/>.</param>
    public static FakeOllamaServer Start(FakeOptions options, string? busyFile = null, FakeScriptLog? script = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var engine = new FakeOllamaEngine(options, busyFile, script ?? new FakeScriptLog(), time ?? TimeProvider.System);
        var server = FakeHttpHost.Start(async request =>
                ToResponse(await engine.HandleAsync(request.Method, request.Path, request.Body, request.DateTime).ConfigureAwait(false)));
        return new FakeOllamaServer(server, engine);
    }

    /// <summary>
    /// The next <c>/api/generate</c> or <c>/api/chat</c> answer sends <paramref name="afterTokens"/> token lines, then
    /// <c>{"error":"<paramref name="message"/>"}</c> and ends, its status still 200 (Ollama's error in mid-stream); with 0
    /// tokens, or without streaming, it answers 500 with that error, as Ollama does before anything was written.
    /// </summary>
    public void FailNextGeneration(int afterTokens, string message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterTokens);
        _engine.FailNext(afterTokens, message);
    }

    /// <summary>Unloads <paramref name="model"/> now, as when its keep_alive runs out or Ollama restarts: its next request pays the load again.</summary>
    public void Unload(string model) => _engine.Unload(model);

    public void Dispose()
    {
        _engine.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static ResponseMessage ToResponse(FakeOllamaReply reply) => new()
    {
        StatusCode = reply.Status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(reply.ContentType) },
        BodyData = reply.Lines is null
            ? new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 }
            : new BodyData { DetectedBodyType = BodyType.SseString, SseStringQueue = reply.Lines, Encoding = Encoding.UTF8 },
    };

    private static void Validate(FakeOptions options)
    {
        var problems = new List<string>();
        if (options.Models.Count == 0)
            problems.Add("Fake:Models is empty: list the models the fake Ollama serves (e.g. \"llama3.2:1b\").");
        if (!(options.PrefillTokensPerSecond > 0))
            problems.Add($"Fake:PrefillTokensPerSecond = {options.PrefillTokensPerSecond} must be > 0.");
        if (!(options.SpeedFactor > 0))
            problems.Add($"Fake:SpeedFactor = {options.SpeedFactor} must be > 0.");
        if (!(options.PowerFactor >= 0))
            problems.Add($"Fake:PowerFactor = {options.PowerFactor} must be >= 0.");
        if (options.ContextTokens < 1)
            problems.Add($"Fake:ContextTokens = {options.ContextTokens} must be >= 1.");
        problems.AddRange(FakeSlotCurve.Problems(options).Select(p => FakeSlotCurve.Describe(p)));
        foreach (var model in options.Models)
        {
            if (!(model.TokensPerSecond > 0))
                problems.Add($"Fake:Models['{model.Name}']:TokensPerSecond = {model.TokensPerSecond} must be > 0.");
            if (!(model.LoadSeconds >= 0))
                problems.Add($"Fake:Models['{model.Name}']:LoadSeconds = {model.LoadSeconds} must be >= 0.");
        }

        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }
}
