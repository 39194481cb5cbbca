using System.Net;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>An answer to a GET: the status and the body as text.</summary>
internal sealed record OpenAiGet(int Status, string Body)
{
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>
/// The GETs of the <c>openai</c> backend (model list, flavor probes, settings), each bounded by a timeout; one that is
/// answered 503 (llama-server while it loads the model) is asked again every <see cref="RetryS"/> until the load wait is over.
/// </summary>
internal sealed class OpenAiHttp(HttpClient http, SessionClock clock)
{
    /// <summary>Seconds between two attempts while a server answers 503.</summary>
    public const double RetryS = 0.25;

    /// <summary>
    /// GET <paramref name="url"/> within <paramref name="timeoutS"/>; null when no answer came (refused, unreachable, timed out).
    /// Throws only on <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task<OpenAiGet?> TryGetAsync(string url, double timeoutS, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutS), clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(url, linked.Token).ConfigureAwait(false);
            return new OpenAiGet((int)response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// GET <paramref name="url"/>, asked again while it answers 503 for at most <paramref name="loadWaitS"/> seconds.
    /// Throws <see cref="HttpRequestException"/> when nothing answers (with its <see cref="HttpRequestError"/>),
    /// <see cref="TimeoutException"/> when one attempt takes longer than <paramref name="timeoutS"/>.
    /// </summary>
    public async Task<(OpenAiGet Answer, double WaitedS)> GetWaitingAsync(string url, double timeoutS, double loadWaitS, CancellationToken cancellationToken)
    {
        var firstS = clock.Now;
        while (true)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutS), clock.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            OpenAiGet answer;
            try
            {
                using var response = await http.GetAsync(url, linked.Token).ConfigureAwait(false);
                answer = new OpenAiGet((int)response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no answer to GET {url} within {OpenAiMessages.Seconds(timeoutS)} s", e);
            }

            var waited = clock.Now - firstS;
            if (answer.Status != (int)HttpStatusCode.ServiceUnavailable || waited >= loadWaitS)
                return (answer, waited);
            await clock.DelayAsync(Math.Min(RetryS, loadWaitS - waited), cancellationToken).ConfigureAwait(false);
        }
    }
}
