using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// One completion request to an OpenAI-compatible server: sent, asked again while the server answers 503 (still loading,
/// within <c>Backend:LoadWaitSeconds</c>), read as a stream or one body within <c>Backend:TimeoutSeconds</c>, and every fault
/// turned into a <see cref="BackendException"/> that says what to do. The start is stamped just before the attempt that was
/// answered, the end when its last byte (or <c>[DONE]</c>) arrived.
/// </summary>
internal sealed class OpenAiExchange(HttpClient http, SessionClock clock, BackendOptions options, string server, string flavor)
{
    public async Task<(OpenAiAnswer Answer, double StartS, double EndS)> RunAsync(string url, JsonObject body, string model, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds), clock.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var firstS = clock.Now;
        OpenAiAnswer? answer = null;
        try
        {
            while (true)
            {
                using var content = JsonContent.Create(body);
                await content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
                using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                var startS = clock.Now;
                using var response = await SendAsync(message, linked.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status == (int)HttpStatusCode.ServiceUnavailable)
                {
                    var waited = clock.Now - firstS;
                    if (waited >= options.LoadWaitSeconds)
                        throw new BackendException(OpenAiMessages.StillLoading(server, url, waited));
                    await clock.DelayAsync(Math.Min(OpenAiHttp.RetryS, options.LoadWaitSeconds - waited), linked.Token).ConfigureAwait(false);
                    continue;
                }

                if (status is < 200 or >= 300)
                    throw new BackendException(Refusal(url, status, await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false), model));
                answer = new OpenAiAnswer();
                var error = IsEventStream(response)
                    ? await ReadStreamAsync(response, answer, linked.Token).ConfigureAwait(false)
                    : await ReadBodyAsync(url, response, answer, linked.Token).ConfigureAwait(false);
                var endS = clock.Now;
                if (error is not null)
                    throw new BackendException(OpenAiMessages.MidStreamError(server, url, error, answer));
                if (answer.Events == 0)
                    throw new BackendException(OpenAiMessages.Malformed(server, url, "the answer held no completion (no JSON chunk)"));
                return (answer, startS, endS);
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BackendException(OpenAiMessages.Timeout(server, url, options.TimeoutSeconds, answer), e);
        }
        catch (InvalidDataException e)
        {
            throw new BackendException(OpenAiMessages.Malformed(server, url, e.Message), e);
        }
        catch (Exception e) when (answer is not null && e is HttpRequestException or IOException)
        {
            throw new BackendException(OpenAiMessages.Broken(server, url, e, answer), e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new BackendException(OpenAiMessages.Unreachable(server, message.RequestUri!.GetLeftPart(UriPartial.Authority), OpenAiClient.Cause(e), flavor), e);
        }
        catch (HttpRequestException e)
        {
            throw new BackendException(OpenAiMessages.Broken(server, message.RequestUri!.ToString(), e, null), e);
        }
    }

    private async Task<string?> ReadStreamAsync(HttpResponseMessage response, OpenAiAnswer answer, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
            return await OpenAiStream.ReadAsync(stream, answer, clock, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadBodyAsync(string url, HttpResponseMessage response, OpenAiAnswer answer, CancellationToken cancellationToken)
    {
        var reading = new ResponseBody(response.Content.Headers.ContentLength, clock);
        var text = reading.AnnouncedTooLarge ? null : await reading.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (text is null)
            throw new InvalidDataException($"the body is larger than {ResponseBody.MaxBytes} bytes");
        using var document = OpenAiJson.TryParse(text)
            ?? throw new InvalidDataException($"the body is not JSON: {OpenAiMessages.Snippet(text)} (sent to {url})");
        return answer.Take(document.RootElement, streamed: false, clock.Now);
    }

    /// <summary>The message for a 4xx/5xx answer: the server's "model not found" turned into what to do, else its own error.</summary>
    private string Refusal(string url, int status, string body, string model)
    {
        var error = OpenAiJson.Error(body) ?? "";
        var aboutModel = error.Contains(model, StringComparison.Ordinal)
            || (error.Contains("model", StringComparison.OrdinalIgnoreCase)
                && (error.Contains("not found", StringComparison.OrdinalIgnoreCase) || error.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
                    || error.Contains("not loaded", StringComparison.OrdinalIgnoreCase)));
        return status is 400 or 404 && aboutModel
            ? $"{server} refused '{model}' at {url} (HTTP {status}: {error}). {OpenAiServers.NotServedHint(flavor, model)}"
            : OpenAiMessages.Status(server, url, status, body);
    }

    private static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
}
