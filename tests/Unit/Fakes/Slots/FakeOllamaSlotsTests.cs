using System.Diagnostics;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Fakes.Ollama;
using SlmEnergyBench.Unit.Fakes.Ollama;

namespace SlmEnergyBench.Unit.Fakes.Slots;

/// <summary>
/// The fake Ollama with 4 slots and issue 12's curve, driven by concurrent streaming requests over HTTP. Its stream gaps are read on the
/// wall clock (real sockets and timers), so the class runs alone in the timing collection: beside other test classes on two cores, one
/// mean gap read 22.9 ms against its 20 +/- 2 ms bound; gaps are judged by their median, which one late wake-up does not move.
/// </summary>
[Collection(typeof(TimingCollection))]
public sealed class FakeOllamaSlotsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fake-slots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static bool IsToken(string line) => line.Contains("\"done\":false", StringComparison.Ordinal);

    private static JsonObject Body(int i) => new()
    {
        ["model"] = FakeOllamaSetup.Small,
        ["prompt"] = $"Stream {i}: name three units of energy.",
        ["options"] = new JsonObject { ["num_predict"] = 20 },
    };

    [Fact]
    public async Task Generate_FourStreamsOnFourSlots_EachStreamAtTheCurvesSpeedAndTheServerAtItsPower()
    {
        // Arrange: 50 tokens/s alone; at 4 streams each runs at 50 x 0.75 = 37.5 tokens/s, a gap of 1 / 37.5 = 26.667 ms (alone 20 ms),
        // and the server draws 1.8 x its one-stream power: 1.5 W x 1.8 = 2700 mW CPU, 15 W x 1.8 = 27000 mW GPU (the prefill power is
        // not told apart with more than one slot). 20 tokens each, so about 0.5 s of four streams together.
        var ct = TestContext.Current.CancellationToken;
        var busy = Path.Combine(_directory, "busy");
        using var fake = FakeOllamaServer.Start(SlotCurveSetup.Batching(FakeOllamaSetup.Options(tokensPerSecond: 50), slots: 4), busy);
        using var http = new HttpClient();
        await http.GetStringAsync(fake.BaseUrl + "/api/version", ct); // the first request's JIT and connection work, outside the figures
        var clock = Stopwatch.StartNew();
        var streams = Enumerable.Range(0, 5).Select(_ => new TimedStream(() => clock.Elapsed.TotalSeconds)).ToList();

        // Act: four at once; once all four stream, the busy file, then a fifth, which must wait for a slot.
        var four = Enumerable.Range(0, 4).Select(i => streams[i].ReadAsync(http, fake.BaseUrl + "/api/generate", Body(i), ct)).ToList();
        while (streams.Take(4).Any(s => s.Lines.Count(l => IsToken(l.Line)) < 3))
            await Task.Delay(5, ct);
        var whileFourRun = await File.ReadAllTextAsync(busy, ct);
        var fifth = streams[4].ReadAsync(http, fake.BaseUrl + "/api/generate", Body(4), ct);
        await Task.WhenAll([.. four, fifth]);

        // Assert: between the last of the four's first token (plus one gap, the last one scheduled while a stream was still coming in)
        // and the first of them to end, each stream's median gap is 26.667 ms.
        var firstEnd = TimedStream.ShouldAllKeepGap([.. streams.Take(4)], IsToken, 0.030, 1 / 37.5);

        whileFourRun.Should().Be("2700 27000\n");
        var fifthFirst = streams[4].Lines.First(l => IsToken(l.Line)).AtS;
        fifthFirst.Should().BeGreaterThan(firstEnd, "the fifth request gets a slot only when one of the four has sent its last token");
        fake.Script.Scripts.Should().HaveCount(5).And.OnlyContain(s => s.CompletionTokens == 20);
        File.Exists(busy).Should().BeFalse("nothing generates any more");
    }

    [Fact]
    public async Task Generate_TwoStreamsOnOneSlot_TheSecondWaitsAndKeepsItsOwnGaps()
    {
        // Arrange: one slot and no curve (as before slots existed): 50 tokens/s, a gap of 20 ms, 20 tokens = 0.38 s of decode.
        var ct = TestContext.Current.CancellationToken;
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options(tokensPerSecond: 50));
        using var http = new HttpClient();
        await http.GetStringAsync(fake.BaseUrl + "/api/version", ct);
        var clock = Stopwatch.StartNew();
        var (first, second) = (new TimedStream(() => clock.Elapsed.TotalSeconds), new TimedStream(() => clock.Elapsed.TotalSeconds));

        // Act
        var a = first.ReadAsync(http, fake.BaseUrl + "/api/generate", Body(0), ct);
        while (first.Lines.Count == 0)
            await Task.Delay(5, ct);
        await Task.WhenAll(a, second.ReadAsync(http, fake.BaseUrl + "/api/generate", Body(1), ct));

        // Assert: the second starts after the first's last token, and its own gaps are 20 ms from its first token on (no burst
        // catching up with a clock started while it waited).
        var secondTokens = second.Lines.Where(l => IsToken(l.Line)).Select(l => l.AtS).ToList();
        // The slot is given back as the first's last token is handed over, so the two lines race over two connections by a fraction of a
        // millisecond; without the wait the second's first token would come 0.38 s earlier.
        secondTokens[0].Should().BeGreaterThan(first.Lines.Last(l => IsToken(l.Line)).AtS - 0.001);
        second.MedianGapWithin(IsToken, secondTokens[0], secondTokens[^1]).MedianGapS.Should().BeApproximately(0.020, 0.002);
        fake.Script.Scripts[1].TokenDueS.Zip(fake.Script.Scripts[1].TokenDueS.Skip(1), (x, y) => y - x)
            .Should().OnlyContain(gap => Math.Abs(gap - 0.020) < 1e-9, "alone on its slot every gap is 1 / 50 s");
    }

    [Fact]
    public async Task Generate_TwoStreamsWhileTheModelLoads_BothWaitForTheOneLoad()
    {
        // Arrange: 2 slots, a 0.3 s load on first use.
        var ct = TestContext.Current.CancellationToken;
        using var fake = FakeOllamaServer.Start(SlotCurveSetup.Batching(FakeOllamaSetup.Options(tokensPerSecond: 200, loadSeconds: 0.3), slots: 2));
        using var http = new HttpClient();
        await http.GetStringAsync(fake.BaseUrl + "/api/version", ct);
        var clock = Stopwatch.StartNew();
        var (first, second) = (new TimedStream(() => clock.Elapsed.TotalSeconds), new TimedStream(() => clock.Elapsed.TotalSeconds));

        // Act: the second comes 0.1 s into the first's load.
        var a = first.ReadAsync(http, fake.BaseUrl + "/api/generate", Body(0), ct);
        await Task.Delay(100, ct);
        await Task.WhenAll(a, second.ReadAsync(http, fake.BaseUrl + "/api/generate", Body(1), ct));

        // Assert: the first pays the whole load; the second what is left of it (about 0.2 s), so neither answers before the model is in.
        var scripts = fake.Script.Scripts;
        scripts[0].LoadS.Should().Be(0.3);
        scripts[1].LoadS.Should().BeInRange(0.1, 0.25);
        second.Lines.First(l => IsToken(l.Line)).AtS.Should().BeGreaterThanOrEqualTo(0.3);
    }
}
