using System.Net.Sockets;
using System.Text;

namespace SlmEnergyBench.Harness.Discovery;

/// <summary>
/// Asks one address every path of <see cref="ProbePaths.All"/> at once, each <c>GET</c> bounded by the same deadline, and
/// keeps what came back. Plain <see cref="HttpClient"/> GETs: discovery, not measurement, so it needs no backend client.
/// </summary>
internal sealed class ServerProber(HttpClient http)
{
    /// <summary>Bodies longer than this (1 MiB) are cut: no answer the identification reads comes near it.</summary>
    private const int MaxBodyChars = 1 << 20;

    /// <summary>A client for probing: no proxy (127.0.0.1 must never go through one), no cookies, no redirects followed.</summary>
    public static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The answers of <paramref name="rootUrl"/> (e.g. <c>http://127.0.0.1:8080</c>) by path, all within <paramref name="bound"/>.</summary>
    public async Task<IReadOnlyDictionary<string, HttpAnswer>> AskAsync(string rootUrl, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(bound);
        var answers = await Task.WhenAll(ProbePaths.All.Select(path => GetAsync(rootUrl, path, bound, deadline.Token))).ConfigureAwait(false);
        return answers.ToDictionary(a => a.Path, StringComparer.Ordinal);
    }

    private async Task<HttpAnswer> GetAsync(string rootUrl, string path, TimeSpan bound, CancellationToken deadline)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, rootUrl + path);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline).ConfigureAwait(false);
            var body = await ReadAsync(response.Content, deadline).ConfigureAwait(false);
            var server = response.Headers.Server.Count > 0 ? response.Headers.Server.ToString() : null;
            return HttpAnswer.Answered(path, (int)response.StatusCode, server, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return HttpAnswer.Failed(path, $"no answer within {bound.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return HttpAnswer.Failed(path, Failure(e));
        }
    }

    private static async Task<string> ReadAsync(HttpContent content, CancellationToken deadline)
    {
        using var reader = new StreamReader(await content.ReadAsStreamAsync(deadline).ConfigureAwait(false));
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while (text.Length < MaxBodyChars && (read = await reader.ReadAsync(buffer, deadline).ConfigureAwait(false)) > 0)
            text.Append(buffer, 0, read);
        return text.ToString();
    }

    private static string Failure(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        _ => e.HttpRequestError == HttpRequestError.InvalidResponse ? $"not an HTTP server ({e.Message})" : e.Message,
    };
}
