using System.Globalization;
using System.Text;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// How <see cref="RawHttpServer"/> answers one request, byte by byte: what a WireMock stub cannot do (stop in the
/// middle of a body and hang, close the connection there, trickle it, announce a huge one). Every answer says
/// <c>Connection: close</c>; the server closes the connection when <see cref="WriteAsync"/> returns.
/// </summary>
internal sealed class RawAnswer(Func<Stream, CancellationToken, Task> write)
{
    /// <summary>Writes the answer to the connection; <paramref name="stop"/> ends a hang when the server is disposed.</summary>
    public Task WriteAsync(Stream connection, CancellationToken stop) => write(connection, stop);

    /// <summary>A whole answer with its <c>Content-Length</c>.</summary>
    public static RawAnswer Complete(int status, string body, string contentType = "application/json") => new(async (s, ct) =>
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await s.WriteAsync(Headers(status, bytes.Length, contentType), ct);
        await s.WriteAsync(bytes, ct);
    });

    /// <summary>Reads the request and never answers.</summary>
    public static RawAnswer HangBeforeHeaders() => new((_, ct) => Task.Delay(Timeout.Infinite, ct));

    /// <summary>Headers announcing all of <paramref name="body"/>, its first <paramref name="bytes"/> bytes, then nothing more (the connection stays open).</summary>
    public static RawAnswer HangMidBody(string body, int bytes) => new(async (s, ct) =>
    {
        await WriteHeadAsync(s, body, bytes, ct);
        await Task.Delay(Timeout.Infinite, ct);
    });

    /// <summary>Headers announcing all of <paramref name="body"/>, its first <paramref name="bytes"/> bytes, then the connection is closed.</summary>
    public static RawAnswer CloseMidBody(string body, int bytes) => new((s, ct) => WriteHeadAsync(s, body, bytes, ct));

    /// <summary>The whole answer, its body one byte every <paramref name="perByte"/>.</summary>
    public static RawAnswer Trickle(string body, TimeSpan perByte) => new(async (s, ct) =>
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await s.WriteAsync(Headers(200, bytes.Length, "application/json"), ct);
        foreach (var b in bytes)
        {
            await s.WriteAsync(new[] { b }, ct);
            await s.FlushAsync(ct);
            await Task.Delay(perByte, ct);
        }
    });

    /// <summary>
    /// A body of <paramref name="bytes"/> bytes of filler ('x'), announced by <c>Content-Length</c> when
    /// <paramref name="announce"/>, else delimited by the connection's end (as HTTP/1.1 allows with Connection: close).
    /// </summary>
    /// <param name="bytes">The body's size.</param>
    /// <param name="announce">Whether a <c>Content-Length</c> announces it.</param>
    /// <param name="progress">Counts what got out before the client closed the connection.</param>
    public static RawAnswer Huge(long bytes, bool announce, RawProgress? progress = null) => new(async (s, ct) =>
    {
        try
        {
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n" +
                       (announce ? $"Content-Length: {bytes.ToString(CultureInfo.InvariantCulture)}\r\n" : "") + "\r\n";
            await s.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
            var chunk = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
            for (long sent = 0; sent < bytes; sent += chunk.Length)
            {
                var length = (int)Math.Min(chunk.Length, bytes - sent);
                await s.WriteAsync(chunk.AsMemory(0, length), ct);
                progress?.Add(length);
            }
        }
        finally
        {
            progress?.Finish();
        }
    });

    private static async Task WriteHeadAsync(Stream s, string body, int bytes, CancellationToken ct)
    {
        var all = Encoding.UTF8.GetBytes(body);
        await s.WriteAsync(Headers(200, all.Length, "application/json"), ct);
        await s.WriteAsync(all.AsMemory(0, bytes), ct);
        await s.FlushAsync(ct);
    }

    private static byte[] Headers(int status, long length, string contentType) => Encoding.ASCII.GetBytes(
        $"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} {(status == 200 ? "OK" : "Status")}\r\nContent-Type: {contentType}\r\n" +
        $"Content-Length: {length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n");
}
