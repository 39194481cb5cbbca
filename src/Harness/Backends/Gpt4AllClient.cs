using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Text;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// Client of the GPT4All desktop API server (OpenAI-like, no streaming, one request at a time). Sends only the
/// fields GPT4All accepts, times each call on the <see cref="SessionClock"/>, and checks the served model by
/// GPT4All's own rule (<see cref="Gpt4AllModelNames"/>): a model is named by its display name or its file name,
/// exactly, and the response carries the display name.
/// </summary>
public sealed class Gpt4AllClient : ICompletionBackend, IDisposable
{
    private readonly BackendOptions _options;
    private readonly SessionClock _clock;
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly Gpt4AllModelCatalog _catalog;

    /// <param name="options">The <c>Backend</c> section.</param>
    /// <param name="clock">Times each request.</param>
    /// <param name="handler">HTTP handler (tests); a default one when null.</param>
    /// <param name="catalog">Which file each GPT4All model is; <see cref="Gpt4AllModelCatalog.ThisMachine"/> when null.</param>
    public Gpt4AllClient(BackendOptions options, SessionClock clock, HttpMessageHandler? handler = null, Gpt4AllModelCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Validate(options);
        _options = options;
        _clock = clock;
        _catalog = catalog ?? Gpt4AllModelCatalog.ThisMachine;
        _baseUrl = options.BaseUrl.TrimEnd('/');

        // The configured timeouts are enforced per call with a linked token; HttpClient's own 100 s default is too short.
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public string Name => BackendKinds.Gpt4All;

    public string Location => _baseUrl;

    public async Task<CompletionResult> CompleteAsync(CompletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = _baseUrl + (_options.Endpoint == Endpoints.Chat ? "/chat/completions" : "/completions");
        var body = Gpt4AllRequestBody.Create(request, _options.Endpoint);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        double startS;
        double endS;
        var status = default(HttpStatusCode);
        string? text;
        ResponseBody? reading = null;
        try
        {
            using var content = JsonContent.Create(body);
            await content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            startS = _clock.Now;
            // Headers first, then the body by hand: a body that stops, breaks or grows without end is told apart from no answer.
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = response.StatusCode;
            reading = new ResponseBody(response.Content.Headers.ContentLength, _clock);
            text = reading.AnnouncedTooLarge ? null : await reading.ReadAsync(response.Content, linked.Token).ConfigureAwait(false);
            endS = _clock.Now;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BackendException(reading is null
                ? Gpt4AllMessages.Timeout(url, _options.TimeoutSeconds)
                : Gpt4AllMessages.TimeoutMidBody(url, _options.TimeoutSeconds, (int)status, reading, _clock.Now), ex);
        }
        catch (Exception ex) when (reading is not null && ex is HttpRequestException or IOException)
        {
            throw new BackendException(Gpt4AllMessages.BrokenMidBody(url, (int)status, reading, ex), ex);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }

        if (text is null)
            throw new BackendException(Gpt4AllMessages.TooLarge(url, _baseUrl, reading, request.MaxTokens));
        ThrowOnErrorStatus(url, status, text, request.Model);
        return ToResult(url, request, text, startS, endS);
    }

    public async Task<Availability> CheckAsync(IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        var url = _baseUrl + "/models";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), _clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string body;
        try
        {
            using var response = await _http.GetAsync(url, linked.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return Availability.No(Gpt4AllMessages.UnexpectedStatus(url, (int)response.StatusCode, body));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Availability.No(Gpt4AllMessages.Unreachable(_baseUrl,
                $"no answer to GET {url} within {Gpt4AllMessages.Seconds(_options.ProbeTimeoutSeconds)} s (Backend:ProbeTimeoutSeconds)"));
        }
        catch (HttpRequestException ex)
        {
            return Availability.No(Unreachable(ex).Message);
        }

        return Gpt4AllProbe.Judge(_baseUrl, url, body, models, _catalog);
    }

    public void Dispose() => _http.Dispose();

    private BackendException Unreachable(HttpRequestException ex)
    {
        var cause = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message;
        return ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            ? new BackendException(Gpt4AllMessages.Unreachable(_baseUrl, cause), ex)
            : new BackendException($"The request to GPT4All at {_baseUrl} failed ({ex.HttpRequestError}: {ex.Message}). " +
                "Check that GPT4All is still running and that the model loads in its chat window.", ex);
    }

    private static void ThrowOnErrorStatus(string url, HttpStatusCode status, string body, string model)
    {
        switch ((int)status)
        {
            case >= 200 and < 300:
                return;
            case 400:
                throw new BackendException(Gpt4AllMessages.BadRequest(url, Gpt4AllJson.ErrorMessage(body) ?? Gpt4AllMessages.Snippet(body)));
            case 500 when string.IsNullOrWhiteSpace(body):
                throw new BackendException(Gpt4AllMessages.EmptyServerError(url, model));
            default:
                throw new BackendException(Gpt4AllMessages.UnexpectedStatus(url, (int)status, body));
        }
    }

    private CompletionResult ToResult(string url, CompletionRequest request, string body, double startS, double endS)
    {
        var parsed = Gpt4AllResponse.TryParse(body, out var problem)
            ?? throw new BackendException(Gpt4AllMessages.IsPage(body) ? Gpt4AllMessages.Page(url, _baseUrl, body) : Gpt4AllMessages.Malformed(url, problem, body));
        var expected = Gpt4AllModelNames.ExpectedServedName(request.Model, _catalog);
        if (!Gpt4AllModelNames.Comparer.Equals(parsed.Model, expected))
            throw new ServedModelMismatchException(request.Model, parsed.Model, Gpt4AllMessages.ModelMismatch(request.Model, expected, parsed.Model));

        return new CompletionResult
        {
            RequestedModel = request.Model,
            ServedModel = parsed.Model,
            ExpectedServedModel = Gpt4AllModelNames.Comparer.Equals(expected, request.Model) ? null : expected,
            Text = parsed.Text,
            StartS = startS,
            EndS = endS,
            PromptTokens = parsed.PromptTokens,
            CompletionTokens = parsed.CompletionTokens,
            PromptTokensSource = parsed.PromptTokens is null ? TokenCountSource.Unavailable : TokenCountSource.ServerUsage,
            CompletionTokensSource = parsed.CompletionTokens is null ? TokenCountSource.Unavailable : TokenCountSource.ServerUsage,
            WordCount = TextMetrics.CountWords(parsed.Text),
            WordRule = TextMetrics.WordRule,
            CharacterCount = TextMetrics.CountCharacters(parsed.Text),
            FinishReason = parsed.FinishReason,
        };
    }

    private static void Validate(BackendOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            problems.Add($"Backend:BaseUrl = '{options.BaseUrl}' is not an http(s) URL; GPT4All's is http://127.0.0.1:4891/v1.");
        if (!Endpoints.All.Contains(options.Endpoint))
            problems.Add($"Backend:Endpoint = '{options.Endpoint}' is not one of: {string.Join(", ", Endpoints.All)}.");
        if (!(options.TimeoutSeconds > 0))
            problems.Add($"Backend:TimeoutSeconds = {Gpt4AllMessages.Seconds(options.TimeoutSeconds)} must be > 0.");
        if (!(options.ProbeTimeoutSeconds > 0))
            problems.Add($"Backend:ProbeTimeoutSeconds = {Gpt4AllMessages.Seconds(options.ProbeTimeoutSeconds)} must be > 0.");
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }
}
