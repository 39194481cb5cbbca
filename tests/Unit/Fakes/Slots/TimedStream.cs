using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Statistics;

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
    /// The median gap between consecutive token lines (those <paramref name="isToken"/> picks) that arrived within [<paramref name="fromS"/>,
    /// <paramref name="toS"/>], s, and how many token lines there were. The median, not the mean of the ends: one late wake-up of the
    /// reader on a busy two-core machine (10 to 40 ms seen) lengthens one gap and shortens the next, since the fake paces to absolute
    /// times, and moves neither the median nor what it tests (the pace the fake sets), while over 8 tokens it would move the mean by 2 ms.
    /// </summary>
    public (double MedianGapS, int Tokens) MedianGapWithin(Func<string, bool> isToken, double fromS, double toS)
    {
        var times = Lines.Where(l => isToken(l.Line) && l.AtS >= fromS && l.AtS <= toS).Select(l => l.AtS).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToList();
        return (gaps.Count == 0 ? double.NaN : Quantiles.OfSorted(gaps, 0.5), times.Count);
    }

    /// <summary>
    /// Asserts that while all <paramref name="streams"/> ran, from the last one's first token + <paramref name="settleS"/> (a gap set
    /// while a stream was still coming in) to the first one's last token, each stream's median gap was <paramref name="expectedGapS"/>
    /// within 2 ms over at least 8 tokens; returns when the first of them sent its last token, s.
    /// </summary>
    public static double ShouldAllKeepGap(IReadOnlyList<TimedStream> streams, Func<string, bool> isToken, double settleS, double expectedGapS)
    {
        var from = streams.Max(s => s.Lines.First(l => isToken(l.Line)).AtS) + settleS;
        var to = streams.Min(s => s.Lines.Last(l => isToken(l.Line)).AtS);
        foreach (var stream in streams)
        {
            var (medianGap, tokens) = stream.MedianGapWithin(isToken, from, to);
            TestContext.Current.TestOutputHelper?.WriteLine($"median gap {medianGap * 1000:0.000} ms over {tokens} tokens in [{from:0.000}, {to:0.000}] s");
            tokens.Should().BeGreaterThanOrEqualTo(8);
            medianGap.Should().BeApproximately(expectedGapS, 0.002);
        }

        return to;
    }
}
