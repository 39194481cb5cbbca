using SlmEnergyBench.Harness.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>
/// What a real Prometheus stored from the fake exporters (<see cref="ScrapedStack"/>), read as raw samples through its HTTP API and
/// compared with the exporters' own log of what they served.
/// </summary>
public sealed class PrometheusScrapeTests(ScrapedStack stack) : IClassFixture<ScrapedStack>
{
    private const string Gpu0 = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}";
    private const string Package = "node_rapl_package_joules_total{index=\"0\"}";

    [Fact]
    public async Task RangeQuery_EveryServedScrape_IsOneRawSampleWithTheServedValue()
    {
        // Arrange
        PrometheusRequirement.Require();
        var (at, served) = ServedBefore(stack.Plain);

        foreach (var key in new[] { Gpu0, Package })
        {
            // Act
            var samples = await SamplesAsync("plain", key, at);

            // Assert: one sample per served scrape, stamped with the scrape's start (at most the 0.8 s timeout before the
            // exporter served it), holding exactly the served value.
            samples.Should().HaveCount(served.Count, $"{key}: every served scrape is stored once");
            foreach (var (sample, scrape) in samples.Zip(served))
            {
                (scrape.ServedUnixS - sample.UnixS).Should().BeInRange(-0.005, 0.8);
                sample.Value.Should().Be(scrape.Values[key], $"{key} at {sample.UnixS:0.000}");
            }
        }
    }

    [Fact]
    public async Task RangeQuery_CounterReset_ShowsAsOneDropToTheRestartedCounter()
    {
        // Arrange
        PrometheusRequirement.Require();
        var (at, served) = ServedBefore(stack.Plain);
        var firstAfterReset = served.First(s => s.ServedUnixS >= stack.ReadyUnixS + ScrapedStack.ResetAtS);

        // Act
        var samples = await SamplesAsync("plain", Gpu0, at);

        // Assert: the only drop lands on the first scrape after the reset, whose counter restarted from 0 (at most ~1 s of 100 W).
        var drops = samples.Zip(samples.Skip(1)).Where(p => p.Second.Value < p.First.Value).ToList();
        drops.Should().ContainSingle();
        drops[0].Second.Value.Should().Be(firstAfterReset.Values[Gpu0]).And.BeLessThan(110_000);
        drops[0].First.Value.Should().BeGreaterThan(5_000_000, "before the reset the counter held its 5000 J start and more");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("stamped")]
    public async Task RangeQuery_MissedScrape_IsAGapWithNoSample(string job)
    {
        // Arrange
        PrometheusRequirement.Require();
        var exporter = job == "plain" ? stack.Plain : stack.Stamped;
        var at = exporter.NowUnixS() - 1;
        var missed = exporter.Scrapes.Where(s => s.Missed is not null).ToList();

        // Act
        var samples = await SamplesAsync(job, Gpu0, at);
        var up = await PrometheusQuery.RangeAsync(stack.Server.Url, $"up{{job=\"{job}\"}}", at - stack.Plain.StartedUnixS + 5, at);

        // Assert: the scripted span held one 1 s scrape; it left no sample, so its neighbours are two intervals apart, and up was 0.
        missed.Should().ContainSingle().Which.Missed.Should().Be(job == "plain" ? MissedScrape.Unavailable : MissedScrape.TooSlow);
        var missedAt = missed[0].ServedUnixS;
        samples.Should().NotContain(s => s.UnixS > missedAt - 0.8 && s.UnixS <= missedAt + 0.005);
        var before = samples.Last(s => s.UnixS < missedAt - 0.8);
        var after = samples.First(s => s.UnixS > missedAt);
        (after.UnixS - before.UnixS).Should().BeApproximately(2, 0.1);
        up.Should().ContainSingle(s => s.Value == 0).Which.UnixS.Should().BeInRange(before.UnixS + 0.9, after.UnixS - 0.9);
    }

    [Fact]
    public async Task RangeQuery_ExplicitTimestamps_AreKeptToTheMillisecond()
    {
        // Arrange
        PrometheusRequirement.Require();
        var (at, served) = ServedBefore(stack.Stamped);

        // Act
        var samples = await SamplesAsync("stamped", Gpu0, at);

        // Assert: honor_timestamps (Prometheus's default) keeps the exporter's millisecond, and the value computed at it.
        samples.Select(s => (Math.Round(s.UnixS * 1000), s.Value))
            .Should().Equal(served.Select(s => (Math.Round(s.ServedUnixS * 1000), s.Values[Gpu0])));
    }

    /// <summary>A query time one interval ago (so every scrape before it is stored) and the scrapes the exporter served before it.</summary>
    private static (double At, List<ExporterScrape> Served) ServedBefore(FakeEnergyExporter exporter)
    {
        var at = exporter.NowUnixS() - 1;
        return (at, [.. exporter.Scrapes.Where(s => s.Missed is null && s.ServedUnixS <= at)]);
    }

    private Task<IReadOnlyList<PromSample>> SamplesAsync(string job, string key, double at) =>
        PrometheusQuery.RangeAsync(stack.Server.Url, key.Replace("}", $",job=\"{job}\"}}", StringComparison.Ordinal), at - stack.Plain.StartedUnixS + 5, at);
}
