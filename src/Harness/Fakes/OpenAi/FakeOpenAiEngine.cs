using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Fakes.Streaming;
using WireMock.Models;

namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// The behaviour of a fake OpenAI-compatible server, apart from HTTP hosting: its routes by flavor, validation, which models
/// it serves, 503 while it "loads", generation of <see cref="FakeOptions.Slots"/> requests at a time (llama-server's
/// <c>--parallel</c>; 1 by default; the rest wait in turn, their script counting from when they are let in) paced by a
/// <see cref="FakeTokenScript"/> (prefill = prompt tokens / <c>PrefillTokensPerSecond</c>, then one token every
/// 1 / (<c>TokensPerSecond</c> x <c>SpeedFactor</c> x the slot curve's SpeedFactor(n)) s at n requests generating, both x the
/// request's jitter), and the busy file (<see cref="FakeSlots"/>: with one slot the prefill power until the first token, then the
/// active power; with more, the active power x the curve's PowerFactor(n)).
/// </summary>
internal sealed class FakeOpenAiEngine : IDisposable
{
    private readonly FakeOptions _options;
    private readonly string _flavor;
    private readonly FakeOpenAiScenario _scenario;
    private readonly BusyFile? _busy;
    private readonly TimeProvider _time;
    private long? _firstRequestAt;
    private readonly FakeNoise _noise;
    private readonly FakeSlots _slots;
    private readonly CancellationTokenSource _stopping = new();

    public FakeOpenAiEngine(FakeOptions options, string flavor, FakeOpenAiScenario scenario, string? busyFile, TimeProvider time)
    {
        _options = options;
        _flavor = flavor;
        _scenario = scenario;
        _busy = busyFile is null ? null : new BusyFile(busyFile);
        _time = time;
        _noise = new FakeNoise(options);
        _slots = new FakeSlots(options, _busy);
    }

    public FakeScriptLog Script { get; } = new();

    public string? BusyFilePath => _busy?.Path;

    /// <summary>The completion routes: OpenAI's, and for LM Studio also its own /api/v0 ones (which add <c>stats</c>).</summary>
    public IReadOnlyList<string> CompletionPaths => _flavor == OpenAiFlavors.LmStudio
        ? ["/v1/completions", "/v1/chat/completions", "/api/v0/completions", "/api/v0/chat/completions"]
        : ["/v1/completions", "/v1/chat/completions"];

    /// <summary>
    /// Whether the fake still "loads": the loading window counts from the first request the fake sees, not from its start,
    /// so a test on a loaded machine (where the first request may come seconds after the start) still meets the 503s.
    /// </summary>
    private bool Loading
    {
        get
        {
            if (_scenario.LoadingSeconds <= 0)
                return false;
            var first = _firstRequestAt ??= _time.GetTimestamp();
            return _time.GetElapsedTime(first).TotalSeconds < _scenario.LoadingSeconds;
        }
    }

    /// <summary>Whether a POST to <paramref name="path"/> with <paramref name="body"/> is answered with a stream (then <see cref="StreamAsync"/> answers it).</summary>
    public bool WillStream(string path, string? body) =>
        CompletionPaths.Contains(path) && !Loading && FakeOpenAiRequest.TryParse(body, IsChat(path), out _) is { Stream: true } request && Serves(request.Model) is not null
        && FakeTextGenerator.PromptTokens(request.Prompt) <= _options.ContextTokens;

    public async Task<FakeReply> HandleAsync(string method, string path, string? body)
    {
        if (Loading)
            return Json(503, FakeOpenAiShapes.Error(_flavor, 503, "Loading model", "unavailable_error"));
        var created = _time.GetUtcNow().ToUnixTimeSeconds();
        return (method, path) switch
        {
            ("GET", "/health") when _flavor == OpenAiFlavors.LlamaCpp => Json(200, new JsonObject { ["status"] = "ok" }),
            ("GET", "/health") when _flavor == OpenAiFlavors.Vllm => new FakeReply(200, null),
            ("GET", "/v1/models") => Json(200, FakeOpenAiShapes.ModelList(_flavor, _options.Models.Select(m => m.Name), _options.ContextTokens, created)),
            ("GET", "/props") when _flavor == OpenAiFlavors.LlamaCpp => Json(200, FakeOpenAiShapes.Props(_options.Models[0].Name, _options.ContextTokens, _options.Slots)),
            ("GET", "/version") when _flavor == OpenAiFlavors.Vllm => Json(200, new JsonObject { ["version"] = "0.11.0" }),
            ("GET", "/api/v0/models") when _flavor == OpenAiFlavors.LmStudio => Json(200, FakeOpenAiShapes.LmStudioModels(_options.Models.Select(m => m.Name), _options.ContextTokens)),
            ("POST", _) when CompletionPaths.Contains(path) => await CompleteAsync(path, body).ConfigureAwait(false),
            _ => UnknownRoute(method, path),
        };
    }

    /// <summary>Streams the answer to a request <see cref="WillStream"/> accepted, paced by its script, into <paramref name="queue"/> (SSE lines).</summary>
    public async Task StreamAsync(string path, string? body, IBlockingQueue<string?> queue)
    {
        var pacer = new FakeStreamPacer();
        try
        {
            var request = FakeOpenAiRequest.TryParse(body, IsChat(path), out _)!;
            using (var slot = await _slots.EnterAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (slot.Waited)
                    pacer = new FakeStreamPacer();
                var answer = Plan(request, path);
                if (_scenario.PingComments)
                    queue.Write(": ping\n\n");
                await PrefillAsync(answer, pacer, slot).ConfigureAwait(false);
                if (request.Chat)
                    queue.Write(Sse(answer.RoleChunk()));
                for (var i = 0; i < answer.Pieces.Count; i++)
                {
                    await pacer.UntilAsync(answer.Script.ScheduleNext(slot.SpeedFactor), _stopping.Token).ConfigureAwait(false);
                    if (_scenario.MidStreamErrorAfterTokens == i)
                    {
                        queue.Write(Sse(FakeOpenAiShapes.Error(_flavor, 500, "the model crashed while generating (scripted mid-stream error)")));
                        return;
                    }

                    queue.Write(Sse(answer.ContentChunk(answer.Pieces[i])));
                    answer.Script.Sent(pacer.ElapsedS);
                }

                // Generation is over with the last token: the slot (and its power in the busy file) goes before the closing chunks are
                // written, so the power stops where the work does and a client that has read the end never sees it still on.
                slot.Dispose();
                var last = answer.FinishChunk();
                if (request.IncludeUsage)
                {
                    queue.Write(Sse(last));
                    last = answer.UsageChunk();
                }

                answer.AddExtras(last);
                queue.Write(Sse(last));
                if (_scenario.SendDone)
                    queue.Write("data: [DONE]\n\n");
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The server is stopping: the stream ends where it is.
        }
        finally
        {
            queue.Close();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task<FakeReply> CompleteAsync(string path, string? body)
    {
        var request = FakeOpenAiRequest.TryParse(body, IsChat(path), out var error);
        if (request is null)
            return Json(400, FakeOpenAiShapes.Error(_flavor, 400, error));
        if (Serves(request.Model) is null)
        {
            var (status, json) = FakeOpenAiShapes.ModelNotFound(_flavor, request.Model);
            return Json(status, json);
        }

        var promptTokens = FakeTextGenerator.PromptTokens(request.Prompt);
        if (promptTokens > _options.ContextTokens)
        {
            return Json(400, FakeOpenAiShapes.Error(_flavor, 400,
                $"the request exceeds the available context size ({promptTokens} tokens, context {_options.ContextTokens}), try increasing it",
                _flavor == OpenAiFlavors.LlamaCpp ? "exceed_context_size_error" : null));
        }

        var pacer = new FakeStreamPacer();
        using var slot = await _slots.EnterAsync(_stopping.Token).ConfigureAwait(false);
        if (slot.Waited)
            pacer = new FakeStreamPacer();
        var answer = Plan(request, path);
        await PrefillAsync(answer, pacer, slot).ConfigureAwait(false);
        await slot.DecodeAsync(answer.Script, pacer, _stopping.Token).ConfigureAwait(false);
        return Json(200, answer.Body());
    }

    /// <summary>The model that answers <paramref name="name"/>: a single-model llama-server answers any name; the others only their own.</summary>
    private FakeModelOptions? Serves(string name) =>
        _options.Models.FirstOrDefault(m => m.Name == name) ?? (_flavor == OpenAiFlavors.LlamaCpp && _options.Models.Count == 1 ? _options.Models[0] : null);

    private FakeOpenAiAnswer Plan(FakeOpenAiRequest request, string path)
    {
        var model = Serves(request.Model)!;
        var promptTokens = FakeTextGenerator.PromptTokens(request.Prompt);
        var natural = FakeTextGenerator.NaturalLength(model.Name, request.Prompt, request.Temperature);
        var tokens = Math.Min(natural, request.MaxTokens ?? natural);
        var pieces = FakeTextGenerator.Tokens(model.Name, request.Prompt, tokens);
        var jitter = _noise.Next();
        var script = new FakeTokenScript(model.Name, request.Prompt, promptTokens, pieces.Count, 0,
            promptTokens / _options.PrefillTokensPerSecond * jitter, 1 / (model.TokensPerSecond * _options.SpeedFactor) * jitter);
        Script.Add(script);
        var finish = request.MaxTokens is { } max && tokens >= max ? "length" : "stop";
        return new FakeOpenAiAnswer(_flavor, request, script, pieces, finish, path.StartsWith("/api/v0/", StringComparison.Ordinal),
            _time.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>Starts generating in <paramref name="slot"/> with the model's prefill and active power (x PowerFactor x jitter) and waits until the first token is due.</summary>
    private async Task PrefillAsync(FakeOpenAiAnswer answer, FakeStreamPacer pacer, FakeSlot slot)
    {
        var model = _options.Models.First(m => m.Name == answer.Script.Model);
        var power = _options.PowerFactor * _noise.Next() * 1000;
        slot.Generate(((model.PrefillCpuPowerW ?? model.ActiveCpuPowerW) * power, (model.PrefillGpuPowerW ?? model.ActiveGpuPowerW) * power),
            (model.ActiveCpuPowerW * power, model.ActiveGpuPowerW * power));
        await pacer.UntilAsync(answer.Script.TimeToFirstTokenS, _stopping.Token).ConfigureAwait(false);
        slot.FirstToken();
    }

    private FakeReply UnknownRoute(string method, string path) => _flavor switch
    {
        OpenAiFlavors.LmStudio => Json(404, new JsonObject { ["error"] = $"Unexpected endpoint or method. ({method} {path})" }),
        OpenAiFlavors.Vllm => Json(404, new JsonObject { ["detail"] = "Not Found" }),
        _ => Json(404, FakeOpenAiShapes.Error(_flavor, 404, "File Not Found")),
    };

    private static bool IsChat(string path) => path.EndsWith("/chat/completions", StringComparison.Ordinal);

    private static string Sse(JsonObject json) => "data: " + json.ToJsonString() + "\n\n";

    private static FakeReply Json(int status, JsonObject json) => new(status, json.ToJsonString());
}
