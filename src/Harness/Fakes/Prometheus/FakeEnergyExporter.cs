using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// An in-process exporter on a free 127.0.0.1 port whose <c>GET /metrics</c> serves the DCGM exporter's, the node exporter's and
/// Kepler's energy series (<see cref="ExporterCatalog"/>) in Prometheus's text format, their counters the exact integral of an
/// <see cref="IExporterPower"/> computed at the instant each scrape is served. Scripted faults: counter resets
/// (<see cref="ResetCountersAt"/>) and missed scrapes (<see cref="MissScrapes"/>). Every answer goes into <see cref="Scrapes"/>
/// (and <see cref="FakeEnergyExporterOptions.TruthLogPath"/>), and <see cref="TrueEnergyJ"/> integrates the power itself: the truth
/// a test compares Prometheus and a meter with. Other paths answer 404.
/// </summary>
public sealed class FakeEnergyExporter : IDisposable
{
    private static readonly JsonSerializerOptions LogJson = new(JsonSerializerDefaults.Web);
    private readonly FakeEnergyExporterOptions _options;
    private readonly ExporterCounters _counters;
    private readonly ConcurrentQueue<ExporterScrape> _scrapes = new();
    private readonly List<(double From, double To, MissedScrape How)> _misses = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly WireMockServer _server;
    private readonly Task _poll;
    private string? _logPath;

    /// <summary>Starts serving at once; the counters start at <see cref="FakeEnergyExporterOptions.CounterStartJ"/> now.</summary>
    public FakeEnergyExporter(FakeEnergyExporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Power, nameof(options.Power));
        _options = options;
        Series = ExporterCatalog.For(options.Hostname);
        _counters = new ExporterCounters(options.Power, NowUnixS(), options.CounterStartJ);
        _poll = options.Power is BusyFileExporterPower busy ? PollAsync(busy) : Task.CompletedTask;
        _server = FakeHttpHost.Start(RespondAsync);
    }

    /// <summary>The base URL, <c>http://127.0.0.1:port</c>; the metrics are at <c>/metrics</c>.</summary>
    public string Url => _server.Url!;

    /// <summary><c>127.0.0.1:port</c>, as a Prometheus static target.</summary>
    public string HostPort => new Uri(Url).Authority;

    /// <summary>When the counters started, Unix seconds.</summary>
    public double StartedUnixS => _counters.OriginUnixS;

    /// <summary>The series served, in exposition order.</summary>
    public IReadOnlyList<ExporterSeries> Series { get; }

    /// <summary>Every answered <c>/metrics</c> request so far, oldest first.</summary>
    public IReadOnlyList<ExporterScrape> Scrapes => [.. _scrapes];

    /// <summary>
    /// Writes every answer so far to <paramref name="path"/> (JSON lines of <see cref="ExporterScrape"/>, replacing the file) and
    /// appends each later one: the truth log of a run whose folder exists only after the exporter started.
    /// </summary>
    public void LogTo(string path)
    {
        lock (_gate)
        {
            File.WriteAllLines(path, _scrapes.Select(s => JsonSerializer.Serialize(s, LogJson)));
            _logPath = path;
        }
    }

    /// <summary>From <paramref name="unixS"/> on, every counter restarts from 0 (as after an exporter or driver restart).</summary>
    public void ResetCountersAt(double unixS) => _counters.ResetAt(unixS);

    /// <summary>Scrapes served in [<paramref name="fromUnixS"/>, <paramref name="toUnixS"/>) are missed the way <paramref name="how"/> says.</summary>
    public void MissScrapes(double fromUnixS, double toUnixS, MissedScrape how)
    {
        if (!(toUnixS > fromUnixS))
            throw new ArgumentException($"A missed-scrape span must end after it starts ({fromUnixS:0.000} s to {toUnixS:0.000} s).", nameof(toUnixS));
        lock (_gate)
            _misses.Add((fromUnixS, toUnixS, how));
    }

    /// <summary>
    /// The energy <paramref name="domain"/> (one of <see cref="ExporterDomains"/>) drew over [<paramref name="fromUnixS"/>,
    /// <paramref name="toUnixS"/>], joules, from the power itself: no counters, resets, rounding or scrapes involved.
    /// </summary>
    public double TrueEnergyJ(string domain, double fromUnixS, double toUnixS) => _options.Power.EnergyJ(domain, fromUnixS, toUnixS);

    /// <summary>The current time of the exporter's clock, Unix seconds.</summary>
    public double NowUnixS() => (_options.Time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;

    public void Dispose()
    {
        _stop.Cancel();
        _server.Stop();
        _server.Dispose();
        _poll.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        if (request.Path != "/metrics")
            return Text(404, $"No route {request.Path}: the fake exporter serves GET /metrics.", "text/plain; charset=utf-8");
        var now = NowUnixS();
        if (MissAt(now) is { } how)
            return await MissAsync(now, how).ConfigureAwait(false);
        long? timestampMs = _options.Timestamps ? (long)Math.Floor(now * 1000) : null;
        var at = timestampMs is { } ms ? ms / 1000.0 : now;
        try
        {
            _options.Power.Refresh(at);
        }
        catch (FormatException e)
        {
            return Text(500, e.Message, "text/plain; charset=utf-8");
        }
        var values = Series.ToDictionary(s => s.Key, s => s.Value(_counters.EnergyJ(s.Domain, at), _options.Power.PowerW(s.Domain, at)), StringComparer.Ordinal);
        Log(new ExporterScrape(at, null, values));
        return Text(200, ExporterExposition.Write(Series, values, timestampMs), ExporterExposition.ContentType);
    }

    private async Task<IResponseMessage> MissAsync(double now, MissedScrape how)
    {
        Log(new ExporterScrape(now, how, new Dictionary<string, double>()));
        if (how == MissedScrape.TooSlow)
            await Task.Delay(_options.SlowAnswer, _options.Time, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return Text(503, $"Scripted missed scrape ({how}).", "text/plain; charset=utf-8");
    }

    private MissedScrape? MissAt(double unixS)
    {
        lock (_gate)
            return _misses.Where(m => m.From <= unixS && unixS < m.To).Select(m => (MissedScrape?)m.How).FirstOrDefault();
    }

    private void Log(ExporterScrape scrape)
    {
        lock (_gate)
        {
            _scrapes.Enqueue(scrape);
            if ((_logPath ?? _options.TruthLogPath) is { } path)
                File.AppendAllText(path, JsonSerializer.Serialize(scrape, LogJson) + "\n");
        }
    }

    private async Task PollAsync(BusyFileExporterPower busy)
    {
        using var timer = new PeriodicTimer(BusyFileExporterPower.PollInterval, _options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                busy.Poll(NowUnixS());
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private static ResponseMessage Text(int status, string body, string contentType) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };
}
