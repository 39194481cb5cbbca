using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SlmEnergyBench.Unit.Fakes.Slots;

/// <summary>One streamed HTTP answer read line by line, each non-empty line stamped with when it arrived on a clock shared by the streams (<paramref name="now"/>, s).</summary>
internal sealed class TimedStream(Func<double> now)
{
    private readonly ConcurrentQueue<(double AtS, string Line)> _lines = new();

    /// <summary>Lines so far with their arrival (s on the shared clock), oldest first.</summary>
    public IReadOnlyList<(double AtS, string Line)> Lines => [.. _lines];

    /// <summary>POSTs <paramref name="body"/> to <paramref name="url"/> and reads the answer to its end.</summary>
    public async Task ReadAsync(HttpClient http, string url, JsonNode body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
                _lines.Enqueue((now(), line));
        }
    }

    /// <summary>
    /// The mean gap between the token lines (those <paramref name="isToken"/> picks) that arrived within [<paramref name="fromS"/>,
    /// <paramref name="toS"/>], s: (last - first) / (count - 1), so only the two ends' delivery jitter counts; and how many there were.
    /// </summary>
    public (double MeanGapS, int Tokens) MeanGapWithin(Func<string, bool> isToken, double fromS, double toS)
    {
        var times = Lines.Where(l => isToken(l.Line) && l.AtS >= fromS && l.AtS <= toS).Select(l => l.AtS).ToList();
        return (times.Count >= 2 ? (times[^1] - times[0]) / (times.Count - 1) : double.NaN, times.Count);
    }

    /// <summary>
    /// Asserts that while all <paramref name="streams"/> ran, from the last one's first token + <paramref name="settleS"/> (a gap set
    /// while a stream was still coming in) to the first one's last token, each stream's mean gap was <paramref name="expectedGapS"/>
    /// within 2 ms over at least 8 tokens; returns when the first of them sent its last token, s.
    /// </summary>
    public static double ShouldAllKeepGap(IReadOnlyList<TimedStream> streams, Func<string, bool> isToken, double settleS, double expectedGapS)
    {
        var from = streams.Max(s => s.Lines.First(l => isToken(l.Line)).AtS) + settleS;
        var to = streams.Min(s => s.Lines.Last(l => isToken(l.Line)).AtS);
        foreach (var stream in streams)
        {
            var (meanGap, tokens) = stream.MeanGapWithin(isToken, from, to);
            TestContext.Current.TestOutputHelper?.WriteLine($"mean gap {meanGap * 1000:0.000} ms over {tokens} tokens in [{from:0.000}, {to:0.000}] s");
            tokens.Should().BeGreaterThanOrEqualTo(8);
            meanGap.Should().BeApproximately(expectedGapS, 0.002);
        }

        return to;
    }
}
