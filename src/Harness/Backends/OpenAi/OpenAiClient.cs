using System.Net;
using System.Net.Sockets;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Text;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// Client of any OpenAI-compatible server (llama.cpp's llama-server, LM Studio, vLLM, SGLang, LocalAI, Jan...):
/// <c>POST /v1/completions</c> or <c>/v1/chat/completions</c> (<c>Backend:Endpoint</c>), streamed as SSE with
/// <c>stream_options.include_usage</c> (<c>Backend:Stream</c>; else one JSON body), timed on the <see cref="SessionClock"/>,
/// each content chunk stamped as it arrives. Each server's extras are read per <c>Backend:Flavor</c> (told from the server when
/// <c>auto</c>, see <see cref="OpenAiFlavorProbe"/>): llama-server gets <c>cache_prompt: false</c> and its <c>timings</c> (ms)
/// are kept; LM Studio is asked through its own <c>/api/v0/...</c> endpoints, whose answers carry <c>stats</c> (s).
/// <para>
/// Raw HTTP (<see cref="HttpClient"/>) and the BCL's SSE parser (<see cref="System.Net.ServerSentEvents.SseParser"/>), not the
/// OpenAI .NET SDK (2.x) nor Microsoft.Extensions.AI (which wraps it): the SDK's client of <c>/v1/completions</c>
/// (<c>LegacyCompletionClient</c>) is internal; extra request fields (<c>cache_prompt</c>) and a chunk's unmodelled fields
/// (<c>timings</c>, <c>stats</c>, an <c>error</c> object in a 200 stream) are reachable only through its experimental
/// <c>JsonPatch</c> API (SCME0001); and it would not hand over each chunk as the bytes arrive on our clock, nor LM Studio's
/// <c>/api/v0</c> paths. One code path serves both endpoints and every server.
/// </para>
/// </summary>
public sealed class OpenAiClient : ICompletionBackend, IRevealsSettings, IDisposable
{
    private readonly BackendOptions _options;
    private readonly SessionClock _clock;
    private readonly HttpClient _http;
    private readonly OpenAiHttp _get;
    private readonly string _baseUrl;
    private readonly string _root;
    private readonly SemaphoreSlim _detecting = new(1, 1);
    private string? _flavor;

    /// <param name="options">The <c>Backend</c> section (<c>BaseUrl</c> ends in <c>/v1</c>).</param>
    /// <param name="clock">Times each request and each chunk.</param>
    /// <param name="handler">HTTP handler (tests); a default one when null.</param>
    public OpenAiClient(BackendOptions options, SessionClock clock, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Validate(options);
        _options = options;
        _clock = clock;
        _baseUrl = options.BaseUrl.TrimEnd('/');
        _root = _baseUrl.EndsWith("/v1", StringComparison.Ordinal) ? _baseUrl[..^3] : _baseUrl;
        _flavor = options.Flavor == OpenAiFlavors.Auto ? null : options.Flavor;
        // The configured timeouts are enforced per call with a linked token; HttpClient's own 100 s default is too short.
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _get = new OpenAiHttp(_http, clock);
    }

    public string Name => BackendKinds.OpenAi;

    public string Location => _baseUrl;

    /// <summary>The server's flavor: the configured one, or the one told from the server; null while <c>auto</c> has not reached it.</summary>
    public string? Flavor => _flavor;

    private string Server => OpenAiServers.Name(_flavor ?? OpenAiFlavors.Generic);

    public async Task<Availability> CheckAsync(IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        var flavor = await FlavorAsync(cancellationToken).ConfigureAwait(false);
        var url = _baseUrl + "/models";
        OpenAiGet answer;
        try
        {
            (answer, _) = await _get.GetWaitingAsync(url, _options.ProbeTimeoutSeconds, _options.LoadWaitSeconds, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            return Availability.No(OpenAiMessages.Unreachable(Server, _baseUrl, e.Message + " (Backend:ProbeTimeoutSeconds)", flavor));
        }
        catch (HttpRequestException e)
        {
            return Availability.No(OpenAiMessages.Unreachable(Server, _baseUrl, Cause(e), flavor));
        }

        if (answer.Status == (int)HttpStatusCode.ServiceUnavailable)
            return Availability.No(OpenAiMessages.StillLoading(Server, url, _options.LoadWaitSeconds));
        if (!answer.Ok)
            return Availability.No(OpenAiMessages.Status(Server, url, answer.Status, answer.Body));
        if (OpenAiModelList.Parse(answer.Body) is not { } served)
            return Availability.No(OpenAiMessages.Malformed(Server, url, $"not a model list ({{\"data\":[{{\"id\":...}}]}}): {OpenAiMessages.Snippet(answer.Body)}"));
        var missing = models.Where(m => OpenAiModelList.Find(served, m, flavor) is null).ToList();
        if (missing.Count > 0)
            return Availability.No(string.Join(" ", missing.Select(m => OpenAiMessages.NotServed(Server, _baseUrl, m, served, flavor))));
        return Availability.Yes($"{Server} ({flavor}) at {_baseUrl} serves: {OpenAiMessages.List(served)}");
    }

    public async Task<CompletionResult> CompleteAsync(CompletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flavor = await FlavorAsync(cancellationToken).ConfigureAwait(false);
        var path = _options.Endpoint == Endpoints.Chat ? "/chat/completions" : "/completions";
        var url = flavor == OpenAiFlavors.LmStudio ? _root + "/api/v0" + path : _baseUrl + path;
        var body = OpenAiRequestBody.Create(request, _options.Endpoint, flavor, _options.Stream);
        var exchange = new OpenAiExchange(_http, _clock, _options, Server, flavor);
        var (answer, startS, endS) = await exchange.RunAsync(url, body, request.Model, cancellationToken).ConfigureAwait(false);
        return ToResult(request, answer, startS, endS, flavor);
    }

    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync(string model, CancellationToken cancellationToken)
    {
        try
        {
            var flavor = await FlavorAsync(cancellationToken).ConfigureAwait(false);
            return await OpenAiSettings.ReadAsync(_get, flavor, _baseUrl, _root, model, _options.ProbeTimeoutSeconds, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Never throws (IRevealsSettings): what cannot be read is left out.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new Dictionary<string, string>();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _detecting.Dispose();
    }

    /// <summary>The configured flavor, or for <c>auto</c> the one told from the server (asked once it answers); generic until then.</summary>
    private async Task<string> FlavorAsync(CancellationToken cancellationToken)
    {
        if (_flavor is { } known)
            return known;
        await _detecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _flavor ??= await OpenAiFlavorProbe.DetectAsync(_get, _baseUrl, _root, _options.ProbeTimeoutSeconds, cancellationToken).ConfigureAwait(false);
            return _flavor ?? OpenAiFlavors.Generic;
        }
        finally
        {
            _detecting.Release();
        }
    }

    private CompletionResult ToResult(CompletionRequest request, OpenAiAnswer answer, double startS, double endS, string flavor)
    {
        var served = answer.Model ?? request.Model;
        if (!string.Equals(served, request.Model, StringComparison.Ordinal))
            throw new ServedModelMismatchException(request.Model, served, OpenAiMessages.ModelMismatch(Server, request.Model, served));
        var stream = StreamTimings.From(startS, endS, answer.Arrivals, answer.CompletionTokens, TokenCountSource.ServerUsage);
        var engine = flavor switch
        {
            OpenAiFlavors.LlamaCpp when answer.Timings is { } t => OpenAiServerTimings.FromLlamaCpp(t),
            OpenAiFlavors.LmStudio when answer.Stats is { } s => OpenAiServerTimings.FromLmStudio(s, answer.PromptTokens, answer.CompletionTokens),
            _ => null,
        };
        var text = answer.Text;
        return new CompletionResult
        {
            RequestedModel = request.Model,
            ServedModel = served,
            Text = text,
            StartS = startS,
            EndS = endS,
            PromptTokens = answer.PromptTokens,
            CompletionTokens = answer.CompletionTokens,
            PromptTokensSource = answer.PromptTokens is null ? TokenCountSource.Unavailable : TokenCountSource.ServerUsage,
            CompletionTokensSource = answer.CompletionTokens is null ? TokenCountSource.Unavailable : TokenCountSource.ServerUsage,
            WordCount = TextMetrics.CountWords(text),
            WordRule = TextMetrics.WordRule,
            CharacterCount = TextMetrics.CountCharacters(text),
            FinishReason = answer.FinishReason ?? "",
            TimeToFirstTokenS = stream?.TimeToFirstTokenS,
            Engine = engine,
            Stream = stream,
        };
    }

    internal static string Cause(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : $"{e.HttpRequestError}: {e.Message}";

    private static void Validate(BackendOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            problems.Add($"Backend:BaseUrl = '{options.BaseUrl}' is not an http(s) URL such as http://127.0.0.1:8080/v1.");
        if (!Endpoints.All.Contains(options.Endpoint))
            problems.Add($"Backend:Endpoint = '{options.Endpoint}' is not one of: {string.Join(", ", Endpoints.All)}.");
        if (!OpenAiFlavors.All.Contains(options.Flavor))
            problems.Add($"Backend:Flavor = '{options.Flavor}' is not one of: {string.Join(", ", OpenAiFlavors.All)}.");
        if (!(options.TimeoutSeconds > 0))
            problems.Add($"Backend:TimeoutSeconds = {OpenAiMessages.Seconds(options.TimeoutSeconds)} must be > 0.");
        if (!(options.ProbeTimeoutSeconds > 0))
            problems.Add($"Backend:ProbeTimeoutSeconds = {OpenAiMessages.Seconds(options.ProbeTimeoutSeconds)} must be > 0.");
        if (!(options.LoadWaitSeconds >= 0))
            problems.Add($"Backend:LoadWaitSeconds = {OpenAiMessages.Seconds(options.LoadWaitSeconds)} must be >= 0.");
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }
}
