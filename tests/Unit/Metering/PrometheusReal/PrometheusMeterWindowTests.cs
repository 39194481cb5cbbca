using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Unit.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Metering.PrometheusReal;

/// <summary>
/// The prometheus meter (preset dcgm, gpu="0", method samples) against a real Prometheus: each window's figure equals the stated
/// rule (whole scrape intervals inside plus the straddling ones pro rata) computed here from Prometheus's raw samples, and the
/// power script's truth within the timestamp skew (less what a counter reset loses, as Prometheus's reset rule does).
/// </summary>
[Collection(nameof(MeteredStackCollection))]
public sealed class PrometheusMeterWindowTests(MeteredStack stack)
{
    [Theory]
    [InlineData("on scrapes, around the first busy span")]
    [InlineData("between scrapes, around the first busy span")]
    [InlineData("across the counter reset and the second busy span")]
    [InlineData("across the missed scrape")]
    [InlineData("short: half a busy interval")]
    public async Task Measure_Window_EqualsTheProRataRuleAndTheTruth(string window)
    {
        // Arrange
        PrometheusRequirement.Require();
        var meter = stack.Meters["gpu0"];
        var run = await RunTimeline.LoadAsync(stack, meter, RunTimeline.Gpu("0"));
        var (a, b) = window switch
        {
            "on scrapes, around the first busy span" => (run.FirstScrapeAfter(2), run.FirstScrapeAfter(7)),
            "between scrapes, around the first busy span" => (run.FirstScrapeAfter(1) + 0.3, run.FirstScrapeAfter(6.05) + 0.6),
            "across the counter reset and the second busy span" => (run.FirstScrapeAfter(6.05) + 0.5, run.FirstScrapeAfter(11.5) + 0.5),
            "across the missed scrape" => (run.FirstScrapeAfter(11.5) + 0.2, run.FirstScrapeAfter(14.2) + 0.4),
            _ => (run.FirstScrapeAfter(4) + 0.2, run.FirstScrapeAfter(4) + 0.7),
        };
        var expected = WindowRules.ProRataJ(run.Samples, 0.001, run.ToSession, a, b);
        var lost = window.Contains("reset", StringComparison.Ordinal) ? run.LostAtResetJ(ExporterDomains.Gpu0) : 0;
        var truth = run.TrueJ(ExporterDomains.Gpu0, a, b) - lost;

        // Act
        var measured = await meter.MeasureAsync(a, b, TestContext.Current.CancellationToken);

        // Assert: the rule to 0.05 J (the offset is read to 0.1 ms); the truth within the skew between a scrape's timestamp and
        // the instant its value was computed, plus the offset, at up to 300 W on each edge, and the counters' 1 mJ steps.
        var offset = stack.OffsetS(meter);
        var skew = run.MaxSkewS();
        var truthTolerance = ((skew + Math.Abs(offset)) * 600) + 0.01;
        var gpu = measured.Domains["gpu"].Joules;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{window}: [{a:0.000}, {b:0.000}] s: meter {gpu:0.000} J, rule {expected:0.000} J, truth {truth:0.000} J (lost at reset {lost:0.000} J); skew {skew * 1000:0.0} ms, offset {offset * 1000:0.0} ms, tolerance {truthTolerance:0.000} J");
        gpu.Should().BeApproximately(expected, 0.05);
        measured.ProRataJoules["gpu"].Should().BeApproximately(expected, 0.05);
        measured.Domains["total"].Joules.Should().Be(gpu);
        gpu.Should().BeApproximately(truth, truthTolerance);
        if (window.StartsWith("short", StringComparison.Ordinal))
            measured.Approximation.Should().Contain("shorter than two scrape intervals");
        else
            measured.Approximation.Should().BeNull();
    }

    [Fact]
    public async Task Measure_BetweenScrapes_ListsBothStraddlingIntervalsAsEdgeSamples()
    {
        // Arrange: the straddling intervals are [s_k, s_k+1] around the start and [s_m, s_m+1] around the end.
        PrometheusRequirement.Require();
        var meter = stack.Meters["gpu0"];
        var run = await RunTimeline.LoadAsync(stack, meter, RunTimeline.Gpu("0"));
        var times = run.Samples.Select(s => run.ToSession(s.UnixS)).ToList();
        var k = times.FindIndex(s => s >= stack.ReadyS + 1);
        var m = times.FindIndex(s => s >= stack.ReadyS + 6.05);
        var (a, b) = (times[k] + 0.3, times[m] + 0.6);

        // Act
        var measured = await meter.MeasureAsync(a, b, TestContext.Current.CancellationToken);

        // Assert: each edge sample is its whole interval (J from the mJ counter) with the seconds of it inside the window.
        measured.EdgeSamples.Select(e => (e.StartS, e.EndS, e.InsideS, e.EnergyJ["gpu"])).Should().BeEquivalentTo(
            new[]
            {
                (times[k], times[k + 1], times[k + 1] - a, (run.Samples[k + 1].Value - run.Samples[k].Value) / 1000),
                (times[m], times[m + 1], b - times[m], (run.Samples[m + 1].Value - run.Samples[m].Value) / 1000),
            },
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-3)).WhenTypeIs<double>());
    }
}
