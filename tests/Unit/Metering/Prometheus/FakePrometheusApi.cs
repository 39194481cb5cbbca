using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SlmEnergyBench.Unit.Metering.Prometheus;

/// <summary>
/// A WireMock server answering like Prometheus's HTTP API (prometheus.io/docs/prometheus/latest/querying/api/) from scripted
/// series: <c>time()</c> (scalar: the server's now = the test clock + <see cref="OffsetS"/>, whole ms), an instant query of a
/// selector (vector: each series' latest point within 5 minutes), an instant query of <c>selector[Nms]</c> (matrix: the raw points
/// in [time - N, time]), <c>increase(...)</c> (canned answers), <c>/api/v1/targets</c> and <c>/api/v1/status/buildinfo</c>.
/// Points are given in session seconds and served as the server's Unix seconds. Every request is recorded.
/// </summary>
internal sealed partial class FakePrometheusApi : IDisposable
{
    private readonly SessionClock _clock;
    private readonly double _originUnix;

    public FakePrometheusApi(SessionClock clock)
    {
        _clock = clock;
        _originUnix = (clock.OriginUtc - DateTimeOffset.UnixEpoch).TotalSeconds;
        Server = LocalServers.StartWireMock();
        Server.Given(Request.Create().WithPath("/api/v1/*").UsingGet()).RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    /// <summary>How far the server's clock is ahead of the test's, seconds.</summary>
    public double OffsetS { get; set; }

    /// <summary>The scripted series: selector (as the meter asks it) -> series.</summary>
    public List<FakeSeries> Series { get; } = [];

    /// <summary>Active targets: job, instance, scrapeInterval text.</summary>
    public List<(string Job, string Instance, string Interval)> Targets { get; } = [];

    /// <summary>Canned answers of increase queries: exact query -> (labels, value) per series.</summary>
    public Dictionary<string, List<string>> Increases { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, answers every request with this (status, body, content type) instead.</summary>
    public (int Status, string Body, string ContentType)? Fault { get; set; }

    /// <summary>How long every answer takes (real time), ms: longer than the meter's QueryTimeoutSeconds makes it time out.</summary>
    public int DelayMs { get; set; }

    /// <summary>Every request: path, query text, time parameter, Authorization header.</summary>
    public ConcurrentQueue<(string Path, string? Query, string? Time, string? Authorization)> Requests { get; } = new();

    /// <summary>Adds a series of <paramref name="selector"/> with labels and (session s, value) points.</summary>
    public FakeSeries Add(string selector, string labels, params (double S, double V)[] points)
    {
        var series = new FakeSeries(selector, Labels(selector, labels), [.. points]);
        Series.Add(series);
        return series;
    }

    /// <summary>Points every <paramref name="intervalS"/> from <paramref name="firstS"/> to <paramref name="lastS"/>, value = f(t).</summary>
    public static (double S, double V)[] Every(double intervalS, double firstS, double lastS, Func<double, double> value) =>
        [.. Enumerable.Range(0, (int)Math.Floor(((lastS - firstS) / intervalS) + 1e-9) + 1).Select(i => firstS + (i * intervalS)).Select(t => (t, value(t)))];

    public double ServerUnix(double sessionS) => _originUnix + sessionS + OffsetS;

    public void Dispose() => Server.Stop();

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        if (DelayMs > 0)
            await Task.Delay(DelayMs);
        return Answer(request);
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        var parameters = HttpUtility.ParseQueryString(request.RawQuery ?? "");
        var query = parameters["query"];
        var time = parameters["time"];
        Requests.Enqueue((request.Path, query, time, request.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.ToString() : null));
        if (Fault is { } fault)
            return Message(fault.Status, fault.Body, fault.ContentType);
        var now = Math.Round(ServerUnix(_clock.Now) * 1000) / 1000;
        var at = time is null ? now : double.Parse(time, CultureInfo.InvariantCulture);
        return request.Path switch
        {
            "/api/v1/status/buildinfo" => Success(new JsonObject { ["version"] = "2.42.0", ["revision"] = "fake", ["branch"] = "HEAD", ["goVersion"] = "go1.21" }),
            "/api/v1/targets" => Success(new JsonObject { ["activeTargets"] = new JsonArray([.. Targets.Select(Target)]), ["droppedTargets"] = new JsonArray() }),
            "/api/v1/query" when query == "time()" => Success(new JsonObject { ["resultType"] = "scalar", ["result"] = Point(at, Format(at)) }),
            "/api/v1/query" when query!.StartsWith("increase(", StringComparison.Ordinal) => Vector(at, Increases.GetValueOrDefault(query) ?? []),
            "/api/v1/query" when Range().Match(query) is { Success: true } m => Matrix(m.Groups[1].Value, at, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1000.0),
            "/api/v1/query" => Instant(query, at),
            _ => Message(404, "404 page not found", "text/plain"),
        };
    }

    private ResponseMessage Matrix(string selector, double at, double rangeS)
    {
        var result = new JsonArray();
        foreach (var s in Series.Where(s => s.Selector == selector))
        {
            var values = s.Points.Select(p => (T: Math.Round(ServerUnix(p.S) * 1000) / 1000, p.V)).Where(p => p.T >= at - rangeS && p.T <= at).ToArray();
            if (values.Length > 0)
                result.Add(new JsonObject { ["metric"] = Metric(s), ["values"] = new JsonArray([.. values.Select(p => Point(p.T, Format(p.V)))]) });
        }

        return Success(new JsonObject { ["resultType"] = "matrix", ["result"] = result });
    }

    private ResponseMessage Instant(string selector, double at)
    {
        var result = new JsonArray();
        foreach (var s in Series.Where(s => s.Selector == selector))
        {
            var latest = s.Points.Select(p => (T: Math.Round(ServerUnix(p.S) * 1000) / 1000, p.V)).LastOrDefault(p => p.T <= at && p.T > at - 300);
            if (latest.T > 0)
                result.Add(new JsonObject { ["metric"] = Metric(s), ["value"] = Point(at, Format(latest.V)) });
        }

        return Success(new JsonObject { ["resultType"] = "vector", ["result"] = result });
    }

    private static ResponseMessage Vector(double at, List<string> values) =>
        Success(new JsonObject
        {
            ["resultType"] = "vector",
            ["result"] = new JsonArray([.. values.Select((v, i) => (JsonNode)new JsonObject { ["metric"] = new JsonObject { ["gpu"] = i.ToString(CultureInfo.InvariantCulture) }, ["value"] = Point(at, v) })]),
        });

    private static JsonObject Target((string Job, string Instance, string Interval) t) => new()
    {
        ["discoveredLabels"] = new JsonObject { ["__address__"] = t.Instance, ["job"] = t.Job },
        ["labels"] = new JsonObject { ["instance"] = t.Instance, ["job"] = t.Job },
        ["scrapePool"] = t.Job,
        ["scrapeUrl"] = $"http://{t.Instance}/metrics",
        ["globalUrl"] = $"http://{t.Instance}/metrics",
        ["lastError"] = "",
        ["lastScrape"] = "2026-01-01T00:00:00.000Z",
        ["lastScrapeDuration"] = 0.003,
        ["health"] = "up",
        ["scrapeInterval"] = t.Interval,
        ["scrapeTimeout"] = "1s",
    };

    private static JsonObject Metric(FakeSeries s) => new([.. s.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))]);

    private static JsonArray Point(double t, string v) => new(JsonValue.Create(t), JsonValue.Create(v));

    private static ResponseMessage Success(JsonObject data) => Message(200, new JsonObject { ["status"] = "success", ["data"] = data }.ToJsonString(), "application/json");

    private static ResponseMessage Message(int status, string body, string contentType) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    private static Dictionary<string, string> Labels(string selector, string labels)
    {
        var brace = selector.IndexOf('{', StringComparison.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = brace < 0 ? selector : selector[..brace] };
        foreach (var pair in labels.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            result[pair[..eq]] = pair[(eq + 1)..].Trim('"');
        }

        return result;
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(.*)\[(\d+)ms\]$")]
    private static partial Regex Range();
}

/// <summary>One scripted series: the selector the meter asks, its labels, its (session s, value) points in time order.</summary>
internal sealed record FakeSeries(string Selector, IReadOnlyDictionary<string, string> Labels, List<(double S, double V)> Points);
