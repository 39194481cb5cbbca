using System.Net.ServerSentEvents;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// Reads a streamed answer (<c>text/event-stream</c>) with the BCL's SSE parser (<see cref="SseParser"/>, WHATWG rules:
/// comment lines such as <c>: ping</c> and events without data are dropped by the parser), stamping each event on the session
/// clock as it is handed over. Rules (shared/reference/inference-servers.md, "OpenAI streaming format"): <c>data: [DONE]</c>
/// ends the stream, but its absence is no fault (the end of the body ends it too); an event that is empty or blank is skipped;
/// an event named <c>error</c>, or data that is an error object, fails this request only.
/// </summary>
internal static class OpenAiStream
{
    /// <summary>
    /// Reads <paramref name="body"/> into <paramref name="answer"/>. Returns the server's error message when the stream
    /// carried one (then reading stopped there), else null. Throws <see cref="InvalidDataException"/> for a chunk that is
    /// not JSON, and what the stream throws when the connection breaks or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task<string?> ReadAsync(Stream body, OpenAiAnswer answer, SessionClock clock, CancellationToken cancellationToken)
    {
        var parser = SseParser.Create(body);
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            var atS = clock.Now;
            var data = item.Data;
            if (string.IsNullOrWhiteSpace(data))
                continue;
            if (data.Trim() == "[DONE]")
            {
                answer.SawDone = true;
                return null;
            }

            using var document = OpenAiJson.TryParse(data);
            if (item.EventType == "error")
                return document is null ? data : OpenAiJson.Error(document.RootElement) ?? data;
            if (document is null)
                throw new InvalidDataException($"chunk {answer.Events + 1} is not JSON: {OpenAiMessages.Snippet(data)}");
            if (answer.Take(document.RootElement, streamed: true, atS) is { } error)
                return error;
        }

        return null;
    }
}
