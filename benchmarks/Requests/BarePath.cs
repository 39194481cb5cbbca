using System.Net.Http.Headers;

namespace SlmEnergyBench.Benchmarks.Requests;

/// <summary>
/// The bare minimum one request costs: a POST of prebuilt request bytes (the same JSON the harness's client sends, with the same
/// <c>Content-Type</c>) on one <see cref="HttpClient"/> as the harness builds it (default pooled handler, no timeout of its own),
/// and the answer read whole with <see cref="HttpContent.ReadAsStringAsync()"/>. Nothing is parsed, timed or recorded.
/// </summary>
public sealed class BarePath : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly string _url;
    private readonly byte[] _body;

    /// <param name="url">Where to POST, e.g. <c>http://127.0.0.1:41234/v1/completions</c>.</param>
    /// <param name="body">The request's JSON, UTF-8.</param>
    public BarePath(string url, byte[] body)
    {
        _url = url;
        _body = body;
    }

    /// <summary>POSTs the body and returns the answer's text; throws <see cref="HttpRequestException"/> for a status that is not 2xx.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_url, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
