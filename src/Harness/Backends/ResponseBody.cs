using System.Text;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// Reads one HTTP response body, at most <see cref="MaxBytes"/>, counting what has arrived and when the last byte
/// did, so that a timeout or a connection closed mid-body can say how far the answer got.
/// </summary>
/// <param name="contentLength">The response's <c>Content-Length</c>, bytes; null when the server sent none (chunked).</param>
/// <param name="clock">Stamps the last byte's arrival (session seconds).</param>
internal sealed class ResponseBody(long? contentLength, SessionClock clock)
{
    /// <summary>
    /// The largest body read, 16 MiB. A completion is text of at most <c>Generation:MaxTokens</c> tokens plus a few
    /// hundred bytes of JSON: 1024 tokens are a few kB, and even a context-filling 128k tokens stay under 1 MiB.
    /// </summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private long _bytesRead;
    private double _lastByteS = double.NaN;

    /// <summary>The response's <c>Content-Length</c>, bytes; null when unknown.</summary>
    public long? ContentLength { get; } = contentLength;

    /// <summary>Body bytes received so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>When the last body byte arrived, session seconds; null before the first.</summary>
    public double? LastByteS => Volatile.Read(ref _lastByteS) is var s && double.IsNaN(s) ? null : s;

    /// <summary>True when the announced length alone is over <see cref="MaxBytes"/>: nothing needs to be read to refuse it.</summary>
    public bool AnnouncedTooLarge => ContentLength > MaxBytes;

    /// <summary>
    /// The body as UTF-8 text (GPT4All's encoding), or null once more than <see cref="MaxBytes"/> arrived (reading
    /// stops there). Throws what the stream throws: <see cref="IOException"/> or <see cref="HttpRequestException"/>
    /// when the connection breaks, <see cref="OperationCanceledException"/> on <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task<string?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref _bytesRead, read);
                Volatile.Write(ref _lastByteS, clock.Now);
                if (body.Length + read > MaxBytes)
                    return null;
                body.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        }
    }
}
