using System.Diagnostics;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.OpenAi;
using SlmEnergyBench.Unit.Fakes.OpenAi;

namespace SlmEnergyBench.Unit.Fakes.Slots;

/// <summary>
/// A fake llama-server with 8 slots (<c>--parallel 8</c>) and issue 12's curve, driven by concurrent streaming requests over HTTP. Its
/// stream gaps are read on the wall clock, so the class runs alone in the timing collection, as <see cref="FakeOllamaSlotsTests"/> does.
/// </summary>
[Collection(typeof(TimingCollection))]
public sealed class FakeOpenAiSlotsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fake-slots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static bool IsToken(string line) => line.StartsWith("data: {", StringComparison.Ordinal) && line.Contains("\"finish_reason\":null", StringComparison.Ordinal);

    private static JsonObject Body(int i) => new()
    {
        ["model"] = FakeOpenAiSetup.Small,
        ["prompt"] = $"Stream {i}: name three units of energy.",
        ["max_tokens"] = 20,
        ["stream"] = true,
    };

    [Fact]
    public async Task Completions_EightStreamsOnEightSlots_EachStreamAtTheCurvesSpeedAndTheServerAtItsPower()
    {
        // Arrange: 50 tokens/s alone; at 8 streams each runs at 50 x 0.55 = 27.5 tokens/s, a gap of 1 / 27.5 = 36.364 ms, and the server
        // draws 2.6 x its one-stream power: 1.5 W x 2.6 = 3900 mW CPU, 15 W x 2.6 = 39000 mW GPU. 20 tokens each, about 0.7 s together.
        var ct = TestContext.Current.CancellationToken;
        var busy = Path.Combine(_directory, "busy");
        using var fake = FakeOpenAiServer.Start(SlotCurveSetup.Batching(FakeServerSetup.Options(tokensPerSecond: 50), slots: 8), OpenAiFlavors.LlamaCpp, busy);
        using var http = new HttpClient();
        var props = JsonNode.Parse(await http.GetStringAsync(fake.BaseUrl.Replace("/v1", "/props", StringComparison.Ordinal), ct))!;
        var clock = Stopwatch.StartNew();
        var streams = Enumerable.Range(0, 9).Select(_ => new TimedStream(() => clock.Elapsed.TotalSeconds)).ToList();

        // Act: eight at once; once all eight stream, the busy file, then a ninth, which must wait for a slot.
        var eight = Enumerable.Range(0, 8).Select(i => streams[i].ReadAsync(http, fake.BaseUrl + "/completions", Body(i), ct)).ToList();
        while (streams.Take(8).Any(s => s.Lines.Count(l => IsToken(l.Line)) < 3))
            await Task.Delay(5, ct);
        var whileEightRun = await File.ReadAllTextAsync(busy, ct);
        var ninth = streams[8].ReadAsync(http, fake.BaseUrl + "/completions", Body(8), ct);
        await Task.WhenAll([.. eight, ninth]);

        // Assert: between the last of the eight's first token (plus one gap) and the first of them to end, each median gap is 36.364 ms.
        props["total_slots"]!.GetValue<int>().Should().Be(8);
        var firstEnd = TimedStream.ShouldAllKeepGap([.. streams.Take(8)], IsToken, 0.040, 1 / 27.5);

        whileEightRun.Should().Be("3900 39000\n");
        streams[8].Lines.First(l => IsToken(l.Line)).AtS.Should().BeGreaterThan(firstEnd, "the ninth request gets a slot only when one of the eight has sent its last token");
        File.Exists(busy).Should().BeFalse("nothing generates any more");
    }
}
