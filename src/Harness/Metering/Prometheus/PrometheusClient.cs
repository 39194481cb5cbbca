using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// GETs on Prometheus's HTTP API (<c>{Url}/api/v1/...</c>) answering the <c>data</c> of a <c>"status":"success"</c> envelope.
/// Every failure is a <see cref="MeterException"/> that says what went wrong and what to do: unreachable, timeout
/// (<see cref="PrometheusOptions.QueryTimeoutSeconds"/>), 401/403 (the credential variables), Prometheus's own
/// <c>"status":"error"</c> with its <c>errorType</c> and <c>error</c>, other HTTP errors, and answers that are not its JSON.
/// The credentials travel in the Authorization header only; no message carries them.
/// </summary>
internal sealed class PrometheusClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly PrometheusOptions _options;

    /// <exception cref="MeterException">A credential variable is named but not set.</exception>
    public PrometheusClient(PrometheusOptions options, HttpMessageHandler? handler, Func<string, string?> environment)
    {
        _options = options;
        var header = PrometheusAuth.Header(options, environment);
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(options.QueryTimeoutSeconds),
        };
        _http.DefaultRequestHeaders.Authorization = header;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        BaseUrl = ShownUrl(options.Url);
    }

    /// <summary>The API base as shown in messages and provenance: no user info, no trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary><paramref name="url"/> without user info (credentials) and without a trailing slash.</summary>
    public static string ShownUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : url.TrimEnd('/');

    /// <summary>An instant query (<c>/api/v1/query</c>) at <paramref name="time"/> (Unix seconds, server clock) or at the server's now.</summary>
    public Task<JsonElement> QueryAsync(string query, double? time, CancellationToken cancellationToken)
    {
        var parameters = "query=" + Uri.EscapeDataString(query)
            + (time is { } t ? "&time=" + t.ToString("0.000", CultureInfo.InvariantCulture) : "");
        return GetAsync("query?" + parameters, $"the query {query}", cancellationToken);
    }

    /// <summary>GET <c>/api/v1/{pathAndQuery}</c>; <paramref name="what"/> names the request in messages.</summary>
    public async Task<JsonElement> GetAsync(string pathAndQuery, string what, CancellationToken cancellationToken)
    {
        var url = _options.Url.TrimEnd('/') + "/api/v1/" + pathAndQuery;
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MeterException(Invariant(
                $"prometheus: {BaseUrl} did not answer {what} within {_options.QueryTimeoutSeconds} s (Meter:Prometheus:QueryTimeoutSeconds): check that Prometheus is up and not overloaded, or raise QueryTimeoutSeconds."));
        }
        catch (HttpRequestException e)
        {
            throw new MeterException(
                $"prometheus: cannot reach {BaseUrl} ({e.HttpRequestError}: {e.Message}): start Prometheus there, or set Meter:Prometheus:Url to its address.", e);
        }

        using (response)
            return Data(response, body, what);
    }

    public void Dispose() => _http.Dispose();

    private JsonElement Data(HttpResponseMessage response, string body, string what)
    {
        var code = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new MeterException($"prometheus: {BaseUrl} answered {code} {response.ReasonPhrase} to {what}: {PrometheusAuth.Advice(_options)}.");

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            throw new MeterException(
                $"prometheus: {BaseUrl} answered {what} with HTTP {code} and {type} that is not Prometheus's JSON (\"{Snippet(body)}\"): is Meter:Prometheus:Url the Prometheus server (its API is under /api/v1)?");
        }

        var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (status == "error")
        {
            var errorType = root.TryGetProperty("errorType", out var t) ? t.GetString() : "unknown";
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "(no message)";
            var advice = errorType switch
            {
                "bad_data" => "check the query's PromQL (Meter:Prometheus:Selector or the custom domain's Query)",
                "timeout" or "canceled" => "Prometheus gave up on the query: narrow the selector or ask again when it is less busy",
                "unavailable" => "Prometheus is not ready (starting up or replaying its WAL): wait and retry",
                _ => "see Prometheus's own log",
            };
            throw new MeterException($"prometheus: {BaseUrl} refused {what} (HTTP {code}): {errorType}: {error}; {advice}.");
        }

        if (!response.IsSuccessStatusCode || status != "success" || !root.TryGetProperty("data", out var data))
        {
            throw new MeterException(
                $"prometheus: {BaseUrl} answered {what} with HTTP {code} {response.ReasonPhrase} and no \"status\":\"success\" data (\"{Snippet(body)}\"): is Meter:Prometheus:Url the Prometheus server?");
        }

        return data;
    }

    private static string Snippet(string body) => body.Length <= 200 ? body : body[..200] + "...";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
