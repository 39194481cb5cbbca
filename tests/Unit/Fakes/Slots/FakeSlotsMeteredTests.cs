using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.OpenAi;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Unit.Metering;

namespace SlmEnergyBench.Unit.Fakes.Slots;

/// <summary>
/// A batching fake measured by the real meter on the fake powermetrics (bash), as a run measures it: the steady state of 4 streams
/// gives the curve's power and J/token, which is what <c>FakeSlotCurve</c> promises (its busy power replaces idle, not adds to it).
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class FakeSlotsMeteredTests : IDisposable
{
    private readonly FakePowermetrics _powermetrics = new();

    public void Dispose() => _powermetrics.Dispose();

    private static bool IsToken(string line) => line.StartsWith("data: {", StringComparison.Ordinal) && line.Contains("\"finish_reason\":null", StringComparison.Ordinal);

    [Fact]
    public async Task SteadyState_FourStreamsUnderTheFakePowermetrics_MeasuresTheCurvesJoulesPerToken()
    {
        // Arrange: 50 tokens/s and 1.5 + 15 W alone; at 4 streams the curve gives 4 x 50 x 0.75 = 150 tokens/s at 16.5 W x 1.8 = 29.7 W,
        // 29.7 / 150 = 0.198 J/token. 120 tokens per stream: about 3.2 s of four streams, sampled every 100 ms.
        var ct = TestContext.Current.CancellationToken;
        var options = SlotCurveSetup.Batching(FakeServerSetup.Options(tokensPerSecond: 50), slots: 4);
        using var fake = FakeOpenAiServer.Start(options, OpenAiFlavors.LlamaCpp, _powermetrics.BusyFile);
        await using var meter = _powermetrics.Meter(FakePowermetrics.Options(intervalMs: 100));
        await meter.StartAsync(ct);
        using var http = new HttpClient();
        var body = new JsonObject
        {
            ["model"] = FakeServerSetup.Small,
            ["prompt"] = FakeServerSetup.PromptWanting(FakeServerSetup.Small, 120),
            ["max_tokens"] = 120,
            ["stream"] = true,
        };
        var streams = Enumerable.Range(0, 4).Select(_ => new TimedStream(() => _powermetrics.Clock.Now)).ToList();

        // Act
        await Task.WhenAll(streams.Select(s => s.ReadAsync(http, fake.BaseUrl + "/completions", body.DeepClone(), ct)));
        await Task.Delay(250, ct); // the sample holding the last token

        // Assert: over the samples wholly inside the steady state (the last stream's first token + a gap to the first stream's end).
        var from = streams.Max(s => s.Lines.First(l => IsToken(l.Line)).AtS) + 0.030;
        var to = streams.Min(s => s.Lines.Last(l => IsToken(l.Line)).AtS);
        var inside = meter.Samples.Where(s => s.StartS >= from && s.EndS <= to).ToList();
        var powerW = inside.Sum(s => s.EnergyJ[Domains.Cpu] + s.EnergyJ[Domains.Gpu]) / inside.Sum(s => s.DurationS);
        var tokensPerSecond = streams.Sum(s => s.Lines.Count(l => IsToken(l.Line) && l.AtS >= from && l.AtS < to)) / (to - from);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{inside.Count} samples over {to - from:0.000} s: {powerW:0.0000} W, {tokensPerSecond:0.00} tokens/s, {powerW / tokensPerSecond:0.00000} J/token");
        inside.Should().HaveCountGreaterThanOrEqualTo(10);
        powerW.Should().BeApproximately(29.7, 29.7 * 0.001);
        tokensPerSecond.Should().BeApproximately(150, 150 * 0.02);
        (powerW / tokensPerSecond).Should().BeApproximately(0.198, 0.198 * 0.02);
    }
}
