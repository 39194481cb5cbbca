using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Fakes.Streaming;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that behaves like llama.cpp's llama-server, LM Studio or vLLM
/// (<see cref="OpenAiFlavors"/>; shared/reference/inference-servers.md), for the <c>fake-openai</c> profiles and the tests.
/// Streams are WireMock SSE bodies (each queued string is written to the body as it is, then flushed; one queue per request,
/// see <see cref="FakeSseQueue"/>):
/// an optional <c>: ping</c> comment, for chat a role-only first chunk, one content chunk per token at the times of the
/// answer's <see cref="FakeTokenScript"/> (logged in <see cref="Script"/>), a finish chunk (<c>delta:{}</c>), a usage chunk
/// with <c>choices: []</c> when <c>stream_options.include_usage</c> is set, llama-server's <c>timings</c> (ms) or LM Studio's
/// <c>stats</c> (s, on its /api/v0 routes) on the last chunk, then <c>data: [DONE]</c> (see <see cref="FakeOpenAiScenario"/>
/// for the faults it can act out).
/// </summary>
public sealed class FakeOpenAiServer : IDisposable
{
    /// <summary>How long WireMock waits for the next queued SSE line before it ends the body: longer than any scripted gap.</summary>
    private static readonly TimeSpan SseItemTimeout = TimeSpan.FromMinutes(10);

    private readonly WireMockServer _server;
    private readonly FakeOpenAiEngine _engine;

    private FakeOpenAiServer(WireMockServer server, FakeOpenAiEngine engine, string flavor)
    {
        _server = server;
        _engine = engine;
        Flavor = flavor;
    }

    /// <summary>OpenAI-style base URL, ending in <c>/v1</c>.</summary>
    public string BaseUrl => _server.Url + "/v1";

    /// <summary>Which server it imitates.</summary>
    public string Flavor { get; }

    /// <summary>Every answer it scripted (warm-ups included), oldest first.</summary>
    public FakeScriptLog Script => _engine.Script;

    /// <summary>The busy file (absolute), or null when power coupling is off.</summary>
    public string? BusyFilePath => _engine.BusyFilePath;

    /// <summary>What to call it in a run's header, e.g. "fake llama-server (in-process WireMock server)".</summary>
    public string Label => $"fake {Backends.OpenAi.OpenAiServers.Name(Flavor)} (in-process WireMock server)";

    /// <param name="options">Models, speeds, powers, context size.</param>
    /// <param name="flavor"><c>llama.cpp</c>, <c>lmstudio</c> or <c>vllm</c>.</param>
    /// <param name="busyFile">When set, holds "cpu_mW gpu_mW" of the answering model while it works (what the fake powermetrics reads).</param>
    /// <param name="scenario">Quirks and faults; <see cref="FakeOpenAiScenario.Healthy"/> when null.</param>
    /// <param name="time">Clock of the loading time and of <c>created</c>; the system clock by default.</param>
    public static FakeOpenAiServer Start(FakeOptions options, string flavor, string? busyFile = null, FakeOpenAiScenario? scenario = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, flavor);
        var engine = new FakeOpenAiEngine(options, flavor, scenario ?? FakeOpenAiScenario.Healthy, busyFile, time ?? TimeProvider.System);
        var server = FakeHttpHost.Start(request => RespondAsync(engine, request));
        return new FakeOpenAiServer(server, engine, flavor);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static async Task<IResponseMessage> RespondAsync(FakeOpenAiEngine engine, IRequestMessage request)
    {
        if (request.Method == "POST" && engine.WillStream(request.Path, request.Body))
        {
            var queue = new FakeSseQueue(SseItemTimeout);
            return new ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMockList<string>>
                {
                    ["Content-Type"] = new("text/event-stream"),
                    ["Cache-Control"] = new("no-cache"),
                },
                BodyData = new BodyData
                {
                    DetectedBodyType = BodyType.SseString,
                    SseStringQueue = queue,
                    BodyAsSseStringTask = engine.StreamAsync(request.Path, request.Body, queue),
                },
            };
        }

        return FakeHttpHost.Json(await engine.HandleAsync(request.Method, request.Path, request.Body).ConfigureAwait(false));
    }


    private static void Validate(FakeOptions options, string flavor)
    {
        var problems = new List<string>();
        if (flavor is not (OpenAiFlavors.LlamaCpp or OpenAiFlavors.LmStudio or OpenAiFlavors.Vllm))
            problems.Add($"Backend:Flavor = '{flavor}': the fake OpenAI-compatible server imitates {OpenAiFlavors.LlamaCpp}, {OpenAiFlavors.LmStudio} or {OpenAiFlavors.Vllm}.");
        if (options.Models.Count == 0)
            problems.Add("Fake:Models is empty: name at least one model the fake serves.");
        if (!(options.PrefillTokensPerSecond > 0))
            problems.Add($"Fake:PrefillTokensPerSecond = {options.PrefillTokensPerSecond.ToString(CultureInfo.InvariantCulture)} must be > 0.");
        if (!(options.SpeedFactor > 0))
            problems.Add($"Fake:SpeedFactor = {options.SpeedFactor.ToString(CultureInfo.InvariantCulture)} must be > 0.");
        problems.AddRange(FakeSlotCurve.Problems(options).Select(p => FakeSlotCurve.Describe(p)));
        foreach (var model in options.Models.Where(m => !(m.TokensPerSecond > 0)))
            problems.Add($"Fake:Models['{model.Name}']:TokensPerSecond = {model.TokensPerSecond.ToString(CultureInfo.InvariantCulture)} must be > 0.");
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }
}
