using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// The behaviour of the fake GPT4All server, apart from HTTP hosting: routes, validation, models by display name or
/// file name, the silent fallback to the default model, generation one request at a time, latency proportional to
/// tokens, and the busy file.
/// </summary>
internal sealed class FakeGpt4AllEngine : IDisposable
{
    private readonly FakeOptions _options;
    private readonly List<FakeModelOptions> _models;
    private readonly BusyFile? _busy;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly FakeNoise _noise;

    public FakeGpt4AllEngine(FakeOptions options, string? busyFile, TimeProvider time)
    {
        _options = options;
        _noise = new FakeNoise(options);
        _models = [.. options.Models];
        if (!_models.Any(m => m.Name == options.DefaultModel))
            _models.Add(new FakeModelOptions { Name = options.DefaultModel });
        _busy = busyFile is null ? null : new BusyFile(busyFile);
        _time = time;
    }

    public string? BusyFilePath => _busy?.Path;

    public async Task<FakeReply> HandleAsync(string method, string path, string? body)
    {
        const string models = "/v1/models";
        if (path == models)
            return method == "GET" ? Ok(FakeJson.ModelList(_models.Select(m => m.Name))) : MethodNotAllowed("GET");
        if (path.StartsWith(models + "/", StringComparison.Ordinal))
            return method == "GET" ? Ok(Describe(path[(models.Length + 1)..])) : MethodNotAllowed("GET");
        if (path is "/v1/completions" or "/v1/chat/completions")
            return method == "POST" ? await CompleteAsync(body, chat: path.Contains("/chat/", StringComparison.Ordinal)).ConfigureAwait(false) : MethodNotAllowed("POST");
        return new FakeReply(404, null);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    private static string? FileOf(FakeModelOptions model) =>
        model.FileName.Length > 0 ? model.FileName : Gpt4AllModelCatalog.BuiltIn.FilesOf(model.Name).FirstOrDefault();

    /// <summary>GET /v1/models/&lt;name&gt;: GPT4All matches display names only there, and answers {} for anything else.</summary>
    private JsonObject Describe(string name) =>
        _models.Any(m => m.Name == name) ? FakeJson.Model(name) : [];

    private async Task<FakeReply> CompleteAsync(string? body, bool chat)
    {
        var request = FakeRequestRules.TryAccept(body, chat, out var error);
        if (request is null)
            return new FakeReply(400, FakeJson.Error(error));

        // GPT4All's rule: the first model whose display name or file name equals the name exactly; an unknown name is
        // not an error, the default model answers, and "model" is always the display name.
        var model = _models.FirstOrDefault(m => m.Name == request.Model || (FileOf(m) is { } file && file == request.Model))
            ?? _models.First(m => m.Name == _options.DefaultModel);
        await _oneAtATime.WaitAsync(_stopping.Token).ConfigureAwait(false);
        try
        {
            var promptTokens = FakeTextGenerator.PromptTokens(request.Prompt);
            if (promptTokens > _options.ContextTokens)
                return new FakeReply(500, null);

            var completionTokens = Math.Min(FakeTextGenerator.NaturalLength(model.Name, request.Prompt, request.Temperature), request.MaxTokens);
            var text = FakeTextGenerator.Generate(model.Name, request.Prompt, completionTokens);
            var latency = TimeSpan.FromSeconds((promptTokens / _options.PrefillTokensPerSecond
                + completionTokens / (model.TokensPerSecond * _options.SpeedFactor)) * _noise.Next());
            await GenerateAsync(model, latency, _noise.Next()).ConfigureAwait(false);
            var finish = completionTokens >= request.MaxTokens ? "length" : "stop";
            var choice = chat
                ? new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text } }
                : new JsonObject { ["text"] = request.Echo ? request.Prompt + " " + text : " " + text };
            return Ok(Completion(model.Name, chat, choice, finish, promptTokens, completionTokens));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task GenerateAsync(FakeModelOptions model, TimeSpan latency, double powerJitter)
    {
        var power = _options.PowerFactor * powerJitter * 1000;
        _busy?.Write(model.ActiveCpuPowerW * power, model.ActiveGpuPowerW * power);
        try
        {
            await Task.Delay(latency, _time, _stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            _busy?.Clear();
        }
    }

    private JsonObject Completion(string model, bool chat, JsonObject choice, string finish, int promptTokens, int completionTokens)
    {
        choice["finish_reason"] = finish;
        choice["index"] = 0;
        choice["logprobs"] = null;
        choice["references"] = null;
        return new JsonObject
        {
            ["choices"] = new JsonArray(choice),
            ["created"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["id"] = "placeholder",
            ["model"] = model,
            ["object"] = chat ? "chat.completion" : "text_completion",
            ["usage"] = new JsonObject
            {
                ["completion_tokens"] = completionTokens,
                ["prompt_tokens"] = promptTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
    }

    private static FakeReply Ok(JsonObject json) => new(200, FakeJson.Serialize(json));

    private static FakeReply MethodNotAllowed(string allowed) =>
        new(405, FakeJson.Error($"Method not allowed: only {allowed} requests are accepted on this path"));
}
