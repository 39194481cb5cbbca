using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// An HTTP/1.1 server on a raw <see cref="TcpListener"/> (127.0.0.1, a free port) whose every answer the test
/// scripts (<see cref="RawAnswer"/>): the backend faults a WireMock stub cannot make. One connection per request.
/// Dispose ends every hanging answer and closes every connection.
/// </summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RawRequest, RawAnswer> _answer;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;

    /// <param name="answer">The answer to each request, in the order they arrive.</param>
    public RawHttpServer(Func<RawRequest, RawAnswer> answer)
    {
        _answer = answer;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}/v1";
        _accepting = AcceptAsync();
    }

    /// <summary>GPT4All's base URL on this server: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Stops listening and accepting: later requests are refused, as by a server that has quit.</summary>
    public void StopListening() => _listener.Stop();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_gate)
        {
            foreach (var connection in _connections)
                connection.Dispose();
        }

        _accepting.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
                _connections.Add(connection);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            var request = await ReadRequestAsync(stream, _stop.Token);
            await _answer(request).WriteAsync(stream, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client gave up (timeout) or the server is being disposed.
        }
        finally
        {
            connection.Dispose();
        }
    }

    private static async Task<RawRequest> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, ct) == 0)
                throw new IOException("the client closed the connection before the end of the request's headers");
            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var start = lines[0].Split(' ');
        var length = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        return new RawRequest(start[0], start[1], Encoding.UTF8.GetString(body));
    }
}
