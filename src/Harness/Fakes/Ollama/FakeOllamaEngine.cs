using System.Diagnostics;
using System.Text.Json;
using SlmEnergyBench.Harness.Backends.Ollama;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// The behaviour of the fake Ollama, apart from HTTP hosting: routes, model names (tag <c>latest</c> implied, case ignored),
/// 404 for an unknown model, <see cref="FakeOptions.Slots"/> requests at a time (Ollama's OLLAMA_NUM_PARALLEL; 1 by default) with
/// speed and power following <see cref="FakeOptions.SlotCurve"/> (<see cref="FakeSlots"/>), a model load the first time a model is
/// used and after its <c>keep_alive</c> has run out (a request that comes while it loads waits for the rest of it), token timing from a <see cref="FakeTokenScript"/>, and the busy file.
/// </summary>
internal sealed class FakeOllamaEngine : IDisposable
{
    /// <summary>Longer than this past its scripted end, an abandoned stream is finished anyway (busy file cleared, next request let in).</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(10);

    private readonly FakeOptions _options;
    private readonly BusyFile? _busy;
    private readonly TimeProvider _time;
    private readonly FakeNoise _jitter;
    private readonly FakeSlots _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _loadedUntil = new(OllamaModelNames.Comparer);
    private readonly Dictionary<string, long> _loadEnds = new(OllamaModelNames.Comparer); // Stopwatch timestamps of loads under way
    private readonly DateTimeOffset _modified;
    private (int AfterTokens, string Message)? _failNext;

    public FakeOllamaEngine(FakeOptions options, string? busyFile, FakeScriptLog log, TimeProvider time)
    {
        _options = options;
        _busy = busyFile is null ? null : new BusyFile(busyFile);
        _time = time;
        _jitter = new FakeNoise(options);
        _slots = new FakeSlots(options, _busy);
        _modified = time.GetUtcNow();
        Log = log;
    }

    public string? BusyFilePath => _busy?.Path;

    public FakeScriptLog Log { get; }

    public void FailNext(int afterTokens, string message)
    {
        lock (_gate)
            _failNext = (afterTokens, message);
    }

    public void Unload(string model)
    {
        lock (_gate)
        {
            _loadedUntil.Remove(OllamaModelNames.Canonical(model));
            _loadEnds.Remove(OllamaModelNames.Canonical(model));
        }
    }

    /// <param name="method">HTTP method.</param>
    /// <param name="path">URL path.</param>
    /// <param name="body">Request body.</param>
    /// <param name="arrivedUtc">When the whole request had arrived (WireMock's <c>RequestMessage.DateTime</c>): the script's offsets count from it.</param>
    public async Task<FakeOllamaReply> HandleAsync(string method, string path, string? body, DateTime arrivedUtc) => (method, path) switch
    {
        ("GET" or "HEAD", "/") => new FakeOllamaReply(200, "text/plain; charset=utf-8", "Ollama is running"),
        ("GET", "/api/version") => FakeOllamaReply.Ok(JsonSerializer.Serialize(new { version = FakeOllamaJson.Version })),
        ("GET", "/api/tags") => FakeOllamaReply.Ok(FakeOllamaJson.Tags(_options.Models, _modified)),
        ("GET", "/api/ps") => FakeOllamaReply.Ok(FakeOllamaJson.Running(Loaded(), _options.ContextTokens)),
        ("POST", "/api/show") => Show(body),
        ("POST", "/api/generate") => await GenerateAsync(body, chat: false, arrivedUtc).ConfigureAwait(false),
        ("POST", "/api/chat") => await GenerateAsync(body, chat: true, arrivedUtc).ConfigureAwait(false),
        _ => FakeOllamaReply.NoRoute(),
    };

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private FakeModelOptions? Find(string name) => _options.Models.FirstOrDefault(m => OllamaModelNames.Same(m.Name, name));

    private List<(FakeModelOptions Model, DateTimeOffset ExpiresAt)> Loaded()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
            return [.. _options.Models.Where(m => _loadedUntil.TryGetValue(OllamaModelNames.Canonical(m.Name), out var until) && until > now)
                .Select(m => (m, _loadedUntil[OllamaModelNames.Canonical(m.Name)]))];
    }

    /// <summary>
    /// Seconds of load a request for <paramref name="model"/> pays from now: all of <see cref="FakeModelOptions.LoadSeconds"/> when the
    /// model is not loaded (its load starts now), what is left of a load another request started (with several slots a request that
    /// comes while the model loads waits for it, as Ollama's do), else 0.
    /// </summary>
    private double LoadSecondsFor(FakeModelOptions model)
    {
        var name = OllamaModelNames.Canonical(model.Name);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_loadEnds.TryGetValue(name, out var end) && end > now)
                return (end - now) / (double)Stopwatch.Frequency;
            _loadEnds.Remove(name);
            if (_loadedUntil.TryGetValue(name, out var until) && until > _time.GetUtcNow())
                return 0;
            _loadEnds[name] = now + (long)(model.LoadSeconds * Stopwatch.Frequency);
            return model.LoadSeconds;
        }
    }

    /// <summary>Starts the model's keep_alive when a request ends: forever when negative, unloaded at once when 0.</summary>
    private void KeepLoaded(FakeModelOptions model, TimeSpan keepAlive)
    {
        var name = OllamaModelNames.Canonical(model.Name);
        lock (_gate)
        {
            if (keepAlive == Timeout.InfiniteTimeSpan)
                _loadedUntil[name] = DateTimeOffset.MaxValue;
            else if (keepAlive <= TimeSpan.Zero)
                _loadedUntil.Remove(name);
            else
                _loadedUntil[name] = _time.GetUtcNow() + keepAlive;
        }
    }

    private FakeOllamaReply Show(string? body)
    {
        string? name = null;
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                name = (document.RootElement.TryGetProperty("model", out var m) ? m : document.RootElement.TryGetProperty("name", out var n) ? n : default) is
                { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        }
        catch (JsonException ex)
        {
            return FakeOllamaReply.Error(400, "invalid JSON: " + ex.Message);
        }

        if (string.IsNullOrEmpty(name))
            return FakeOllamaReply.Error(400, "model is required");
        return Find(name) is { } model
            ? FakeOllamaReply.Ok(FakeOllamaJson.Show(model, _options.ContextTokens, _modified))
            : FakeOllamaReply.Error(404, $"model '{name}' not found");
    }

    private async Task<FakeOllamaReply> GenerateAsync(string? body, bool chat, DateTime arrivedUtc)
    {
        var request = FakeOllamaRequest.TryParse(body, chat, out var error);
        if (request is null)
            return FakeOllamaReply.Error(400, error);
        if (Find(request.Model) is not { } model)
            return FakeOllamaReply.Error(404, $"model '{request.Model}' not found");

        // The script counts from the request's arrival; one that had to wait for a slot counts from when it is let in.
        var slot = await _slots.EnterAsync(_stopping.Token).ConfigureAwait(false);
        var pacer = slot.Waited ? new FakeStreamPacer() : FakeStreamPacer.Since(arrivedUtc);
        var loadS = LoadSecondsFor(model);
        KeepLoaded(model, Timeout.InfiniteTimeSpan); // in use: keep_alive starts when the answer ends
        if (request.Prompt.Length == 0)
            return await LoadOnlyAsync(request, model, pacer, loadS, slot).ConfigureAwait(false);

        var promptTokens = Math.Min(FakeTextGenerator.PromptTokens(request.Prompt), _options.ContextTokens);
        var natural = FakeTextGenerator.NaturalLength(model.Name, request.Prompt, request.Temperature);
        var tokens = request.NumPredict is { } limit ? Math.Min(natural, limit) : natural;
        var slowdown = _jitter.Next();
        var script = new FakeTokenScript(request.Model, request.Prompt, promptTokens, tokens, loadS,
            promptTokens / _options.PrefillTokensPerSecond * slowdown, slowdown / (model.TokensPerSecond * _options.SpeedFactor));
        Log.Add(script);
        var power = _options.PowerFactor * _jitter.Next() * 1000;
        (int AfterTokens, string Message)? fail;
        lock (_gate)
        {
            fail = _failNext;
            _failNext = null;
        }

        var generation = new FakeOllamaGeneration(script, FakeTextGenerator.Tokens(model.Name, request.Prompt, tokens), request, pacer, slot,
            ((model.PrefillCpuPowerW ?? model.ActiveCpuPowerW) * power, (model.PrefillGpuPowerW ?? model.ActiveGpuPowerW) * power),
            (model.ActiveCpuPowerW * power, model.ActiveGpuPowerW * power), _time, () => KeepLoaded(model, request.KeepAlive))
        {
            FailAfterTokens = fail?.AfterTokens,
            FailMessage = fail?.Message ?? "",
        };
        if (!request.Stream || fail?.AfterTokens == 0)
            return await generation.WholeAsync(_stopping.Token).ConfigureAwait(false);

        // A client that stops reading leaves the stream unfinished: finish it once it is well past its scripted end (at the
        // slowest speed the slot curve allows).
        _ = Task.Delay(TimeSpan.FromSeconds(script.DurationS / SlowestSpeedFactor) + AbandonedAfter, _stopping.Token)
            .ContinueWith(_ => generation.Finish(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        return new FakeOllamaReply(200, FakeOllamaReply.Ndjson, "", new FakeNdjsonLines(generation.Lines(_stopping.Token)));
    }

    /// <summary>A request without a prompt: Ollama loads the model (done_reason "load"), or unloads it with keep_alive 0 ("unload").</summary>
    private async Task<FakeOllamaReply> LoadOnlyAsync(FakeOllamaRequest request, FakeModelOptions model, FakeStreamPacer pacer, double loadS, FakeSlot slot)
    {
        try
        {
            var unload = request.KeepAlive == TimeSpan.Zero;
            if (!unload)
                await pacer.UntilAsync(loadS, _stopping.Token).ConfigureAwait(false);
            KeepLoaded(model, request.KeepAlive);
            return FakeOllamaReply.Ok(FakeOllamaJson.Loaded(request.Model, request.Chat, _time.GetUtcNow(), unload ? "unload" : "load"));
        }
        finally
        {
            slot.Dispose();
        }
    }

    /// <summary>The smallest speed factor on the slot curve (1 without one).</summary>
    private double SlowestSpeedFactor => _options.SlotCurve.Count == 0 ? 1 : Math.Min(1, _options.SlotCurve.Min(p => p.SpeedFactor));

}
