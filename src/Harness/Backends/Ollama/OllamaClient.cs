using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OllamaSharp;
using OllamaSharp.Models;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Text;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// Client of Ollama's native API (docs/api.md). Model list, loaded models, model details and version go through
/// OllamaSharp (<c>/api/tags</c>, <c>/api/ps</c>, <c>/api/show</c>, <c>/api/version</c>). The measured requests,
/// <c>POST /api/generate</c> (<c>Backend:Endpoint</c> = completions) and <c>/api/chat</c> (chat), use raw
/// <see cref="HttpClient"/>, because OllamaSharp 5.5's streaming cannot give what a measurement needs: its generate and chat
/// streams do not look for an <c>{"error":...}</c> line (it reads as an empty token and the server's message is lost); a
/// non-2xx answer other than 400 throws <see cref="HttpRequestException"/> without the body, losing Ollama's
/// <c>"model 'x' not found"</c>; a cancelled stream ends as if complete instead of throwing; and the moment the request is sent
/// is inside its enumerator, not on the session clock. Here the request is stamped just before it is sent and every NDJSON line
/// as it arrives (<see cref="OllamaStreamReader"/>); the final object's timings (ns) become <see cref="EngineTimings"/> in ms
/// and <see cref="CompletionResult.ServerLoadS"/> by <see cref="OllamaFinal.LoadThresholdS"/>'s rule.
/// </summary>
public sealed class OllamaClient : ICompletionBackend, IRevealsSettings, IDisposable
{
    private readonly BackendOptions _options;
    private readonly SessionClock _clock;
    private readonly HttpClient _http;
    private readonly OllamaApiClient _api;
    private readonly string _baseUrl;

    /// <param name="options">The backend section: BaseUrl (e.g. http://127.0.0.1:11434), Endpoint, Stream, KeepAlive, timeouts.</param>
    /// <param name="clock">Times each request.</param>
    /// <param name="handler">HTTP handler (tests); a default one when null.</param>
    /// <exception cref="ConfigurationException">A setting Ollama cannot work with.</exception>
    public OllamaClient(BackendOptions options, SessionClock clock, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Validate(options);
        _options = options;
        _clock = clock;
        _baseUrl = options.BaseUrl.TrimEnd('/');
        // Timeouts are enforced per call with linked tokens; HttpClient's own 100 s default is too short for a generation.
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _http.BaseAddress = new Uri(_baseUrl + "/");
        _api = new OllamaApiClient(_http);
    }

    public string Name => BackendKinds.Ollama;

    public string Location => _baseUrl;

    public async Task<Availability> CheckAsync(IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), _clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var served = (await _api.ListLocalModelsAsync(linked.Token).ConfigureAwait(false)).Select(m => m.Name).ToList();
            return OllamaProbe.Judge(_baseUrl, served, models);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Availability.No(OllamaMessages.Unreachable(_baseUrl,
                $"no answer to GET {_baseUrl}/api/tags within {OllamaMessages.Seconds(_options.ProbeTimeoutSeconds)} s (Backend:ProbeTimeoutSeconds)"));
        }
        catch (HttpRequestException ex) when (IsConnectionFailure(ex))
        {
            return Availability.No(OllamaMessages.Unreachable(_baseUrl, Cause(ex)));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException or OllamaSharp.Models.Exceptions.OllamaException)
        {
            return Availability.No($"GET {_baseUrl}/api/tags did not give Ollama's model list ({ex.Message}). Check that Backend:BaseUrl is Ollama (http://127.0.0.1:11434, without /v1).");
        }
    }

    public async Task<CompletionResult> CompleteAsync(CompletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chat = _options.Endpoint == Endpoints.Chat;
        var url = _baseUrl + (chat ? "/api/chat" : "/api/generate");
        var body = OllamaRequestBody.Create(request, chat, _options.Stream, _options.KeepAlive).ToJsonString();
        var reader = new OllamaStreamReader(_clock, chat);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        double startS;
        double endS;
        OllamaFinal final;
        var answered = false;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            startS = _clock.Now;
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            answered = true;
            if (!response.IsSuccessStatusCode)
                throw await ErrorStatusAsync(url, response, request.Model, linked.Token).ConfigureAwait(false);
            if (_options.Stream)
            {
                var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                    final = await reader.ReadAsync(stream, linked.Token).ConfigureAwait(false);
            }
            else
            {
                var whole = await new ResponseBody(response.Content.Headers.ContentLength, _clock).ReadAsync(response.Content, linked.Token).ConfigureAwait(false)
                    ?? throw new BackendException(OllamaMessages.TooLarge(url));
                final = reader.ReadWhole(whole);
            }

            endS = _clock.Now;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var ago = reader.LastLineS is { } last ? _clock.Now - last : (double?)null;
            throw new BackendException(OllamaMessages.Timeout(url, _options.TimeoutSeconds, reader.Lines, reader.Arrivals.Count, ago), ex);
        }
        catch (OllamaStreamException ex)
        {
            throw new BackendException(ex.ServerError
                ? OllamaMessages.ErrorMidStream(url, ex.Message, reader.Arrivals.Count)
                : OllamaMessages.BrokenStream(url, ex.Message), ex);
        }
        catch (Exception ex) when (answered && ex is HttpRequestException or IOException)
        {
            throw new BackendException(OllamaMessages.BrokenStream(url,
                $"after {reader.Lines} line(s) and {reader.Arrivals.Count} token(s) the connection failed ({ex.Message})"), ex);
        }
        catch (HttpRequestException ex) when (IsConnectionFailure(ex))
        {
            throw new BackendException(OllamaMessages.Unreachable(_baseUrl, Cause(ex)), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new BackendException(OllamaMessages.BrokenStream(url, $"{ex.HttpRequestError}: {ex.Message}"), ex);
        }

        return ToResult(request, reader, final, startS, endS);
    }

    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync(string model, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        OllamaSettings.AddVersion(settings, await TryAsync(ct => _api.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false));
        OllamaSettings.AddShow(settings, await TryAsync(ct => _api.ShowModelAsync(new ShowModelRequest { Model = model }, ct), cancellationToken).ConfigureAwait(false));
        var running = await TryAsync(ct => _api.ListRunningModelsAsync(ct), cancellationToken).ConfigureAwait(false);
        OllamaSettings.AddRunning(settings, running?.FirstOrDefault(m => OllamaModelNames.Same(m.Name, model)));
        return settings;
    }

    public void Dispose()
    {
        _api.Dispose();
        _http.Dispose();
    }

    private CompletionResult ToResult(CompletionRequest request, OllamaStreamReader reader, OllamaFinal final, double startS, double endS)
    {
        var text = reader.Text;
        var stream = _options.Stream
            ? StreamTimings.From(startS, endS, reader.Arrivals, final.EvalCount, TokenCountSource.ServerUsage)
            : null;
        return new CompletionResult
        {
            RequestedModel = request.Model,
            ServedModel = final.Model,
            Text = text,
            StartS = startS,
            EndS = endS,
            PromptTokens = final.PromptEvalCount,
            CompletionTokens = final.EvalCount ?? (_options.Stream ? reader.Arrivals.Count : null),
            PromptTokensSource = final.PromptEvalCount is null ? TokenCountSource.Unavailable : TokenCountSource.ServerUsage,
            CompletionTokensSource = final.EvalCount is not null ? TokenCountSource.ServerUsage
                : _options.Stream ? TokenCountSource.EngineCount : TokenCountSource.Unavailable,
            WordCount = TextMetrics.CountWords(text),
            WordRule = TextMetrics.WordRule,
            CharacterCount = TextMetrics.CountCharacters(text),
            FinishReason = final.DoneReason,
            TimeToFirstTokenS = stream?.TimeToFirstTokenS,
            PrefillS = stream?.TimeToFirstTokenS,
            DecodeS = stream is null ? null : stream.EndToEndS - stream.TimeToFirstTokenS,
            Stream = stream,
            Engine = final.ToEngineTimings(),
            ServerLoadS = final.LoadS,
        };
    }

    private async Task<BackendException> ErrorStatusAsync(string url, HttpResponseMessage response, string model, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await new ResponseBody(response.Content.Headers.ContentLength, _clock).ReadAsync(response.Content, cancellationToken).ConfigureAwait(false) ?? "";
        var serverMessage = ErrorMessage(text);
        return status switch
        {
            404 when serverMessage is not null && serverMessage.Contains("not found", StringComparison.OrdinalIgnoreCase) =>
                new BackendException(OllamaMessages.NotPulled(_baseUrl, model, serverMessage)),
            404 => new BackendException(OllamaMessages.NotOllama(url, status, text)),
            400 => new BackendException(OllamaMessages.Refused(url, status, serverMessage ?? OllamaMessages.Snippet(text))),
            >= 500 when serverMessage is not null => new BackendException(OllamaMessages.Failed(url, status, serverMessage, model)),
            _ => new BackendException(OllamaMessages.Unexpected(url, status, text)),
        };
    }

    /// <summary>Ollama's <c>{"error":"..."}</c> message, or null when the body is not that.</summary>
    private static string? ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One settings call within the probe timeout; null when it fails in any way (settings are best effort, never fatal).</summary>
    private async Task<T?> TryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), _clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await call(linked.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Settings are best effort: IRevealsSettings never throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static bool IsConnectionFailure(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    private static string Cause(HttpRequestException ex) =>
        ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message;

    private static void Validate(BackendOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            problems.Add($"Backend:BaseUrl = '{options.BaseUrl}' is not an http(s) URL; Ollama's is http://127.0.0.1:11434.");
        if (!Endpoints.All.Contains(options.Endpoint))
            problems.Add($"Backend:Endpoint = '{options.Endpoint}' is not one of: {string.Join(", ", Endpoints.All)}.");
        if (!(options.TimeoutSeconds > 0))
            problems.Add($"Backend:TimeoutSeconds = {OllamaMessages.Seconds(options.TimeoutSeconds)} must be > 0.");
        if (!(options.ProbeTimeoutSeconds > 0))
            problems.Add($"Backend:ProbeTimeoutSeconds = {OllamaMessages.Seconds(options.ProbeTimeoutSeconds)} must be > 0.");
        if (OllamaKeepAlive.TryParse(options.KeepAlive) is null)
            problems.Add($"Backend:KeepAlive = '{options.KeepAlive}' is not a duration Ollama accepts: a number of seconds (-1 = forever) or a Go duration such as 30m or 1h.");
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }
}
