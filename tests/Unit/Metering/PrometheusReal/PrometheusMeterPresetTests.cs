using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Unit.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Metering.PrometheusReal;

/// <summary>The presets (dcgm with and without a GPU selector, node-rapl, kepler-node) and method increase against a real Prometheus.</summary>
[Collection(nameof(MeteredStackCollection))]
public sealed class PrometheusMeterPresetTests(MeteredStack stack)
{
    [Fact]
    public async Task Dcgm_WithoutSelector_SumsBothGpusAndGpu0SelectorKeepsOne()
    {
        // Arrange
        PrometheusRequirement.Require();
        var gpu0 = await RunTimeline.LoadAsync(stack, stack.Meters["all-gpus"], RunTimeline.Gpu("0"));
        var gpu1 = gpu0 with { Samples = await stack.SamplesAsync(RunTimeline.Gpu("1")) };
        var (a, b) = (gpu0.FirstScrapeAfter(1) + 0.3, gpu0.FirstScrapeAfter(6.05) + 0.6);
        var expected0 = WindowRules.ProRataJ(gpu0.Samples, 0.001, gpu0.ToSession, a, b);
        var expected1 = WindowRules.ProRataJ(gpu1.Samples, 0.001, gpu1.ToSession, a, b);

        // Act
        var all = await stack.Meters["all-gpus"].MeasureAsync(a, b, TestContext.Current.CancellationToken);
        var one = await stack.Meters["gpu0"].MeasureAsync(a, b, TestContext.Current.CancellationToken);

        // Assert: gpu1 idles at 50 W throughout, so the difference is 50 W x the window, within the skew between a scrape's
        // timestamp and the instant its value was computed (and the offset) at each edge.
        var tolerance = ((gpu0.MaxSkewS() + Math.Abs(stack.OffsetS(stack.Meters["all-gpus"]))) * 2 * 50) + 0.01;
        TestContext.Current.TestOutputHelper?.WriteLine($"[{a:0.000}, {b:0.000}] s: all GPUs {all.Domains["gpu"].Joules:0.000} J, gpu 0 {one.Domains["gpu"].Joules:0.000} J, rule {expected0:0.000} + {expected1:0.000} J");
        all.Domains["gpu"].Joules.Should().BeApproximately(expected0 + expected1, 0.1);
        one.Domains["gpu"].Joules.Should().BeApproximately(expected0, 0.05);
        (all.Domains["gpu"].Joules - one.Domains["gpu"].Joules).Should().BeApproximately(50 * (b - a), tolerance);
    }

    [Theory]
    [InlineData("node-rapl", "node_rapl_package_joules_total{index=\"0\"}", "node_rapl_dram_joules_total{index=\"0\"}")]
    [InlineData("kepler-node", "kepler_node_cpu_joules_total{zone=\"package\"}", "kepler_node_cpu_joules_total{zone=\"dram\"}")]
    public async Task CpuPreset_PackageAndDram_FollowTheRuleAndTheTruth(string preset, string package, string dram)
    {
        // Arrange: a window between scrapes around the first busy span (package 10 W, then 40 W over [U+3, U+6)).
        PrometheusRequirement.Require();
        var meter = stack.Meters[preset];
        var run = await RunTimeline.LoadAsync(stack, meter, package);
        var dramRun = run with { Samples = await stack.SamplesAsync(dram) };
        var (a, b) = (run.FirstScrapeAfter(1) + 0.3, run.FirstScrapeAfter(6.05) + 0.6);
        var expectedPackage = WindowRules.ProRataJ(run.Samples, 1, run.ToSession, a, b);
        var expectedDram = WindowRules.ProRataJ(dramRun.Samples, 1, run.ToSession, a, b);
        var tolerance = ((run.MaxSkewS() + Math.Abs(stack.OffsetS(meter))) * 80) + 0.01;

        // Act
        var measured = await meter.MeasureAsync(a, b, TestContext.Current.CancellationToken);

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{preset} [{a:0.000}, {b:0.000}] s: package {measured.Domains["package"].Joules:0.0000} J (rule {expectedPackage:0.0000}, truth {run.TrueJ(ExporterDomains.Package, a, b):0.0000}), dram {measured.Domains["dram"].Joules:0.0000} J (rule {expectedDram:0.0000})");
        measured.Domains["package"].Joules.Should().BeApproximately(expectedPackage, 0.01);
        measured.Domains["dram"].Joules.Should().BeApproximately(expectedDram, 0.01);
        measured.Domains["total"].Joules.Should().BeApproximately(expectedPackage + expectedDram, 0.02);
        measured.Domains["package"].Joules.Should().BeApproximately(run.TrueJ(ExporterDomains.Package, a, b), tolerance);
        measured.Domains["dram"].Joules.Should().BeApproximately(2 * (b - a), tolerance);
    }

    [Theory]
    [InlineData("between scrapes, around the first busy span")]
    [InlineData("across the counter reset and the second busy span")]
    public async Task IncreaseMethod_Window_IsPrometheusExtrapolatedIncrease(string window)
    {
        // Arrange
        PrometheusRequirement.Require();
        var meter = stack.Meters["gpu0-increase"];
        var run = await RunTimeline.LoadAsync(stack, meter, RunTimeline.Gpu("0"));
        var (a, b) = window.StartsWith("between", StringComparison.Ordinal)
            ? (run.FirstScrapeAfter(1) + 0.3, run.FirstScrapeAfter(6.05) + 0.6)
            : (run.FirstScrapeAfter(6.05) + 0.5, run.FirstScrapeAfter(11.5) + 0.5);
        var rangeMs = (long)Math.Round((b - a) * 1000);
        var endUnixS = b + stack.OffsetS(meter) + stack.OriginUnixS;
        var expected = WindowRules.PrometheusIncrease(run.Samples, rangeMs, endUnixS)!.Value / 1000;
        var samplesRule = WindowRules.ProRataJ(run.Samples, 0.001, run.ToSession, a, b);

        // Act
        var measured = await meter.MeasureAsync(a, b, TestContext.Current.CancellationToken);

        // Assert: Prometheus's rule to 0.1% (its edges move by the 0.1 ms the offset is read to, and it rounds times to ms).
        var joules = measured.Domains["gpu"].Joules;
        TestContext.Current.TestOutputHelper?.WriteLine($"{window} [{a:0.000}, {b:0.000}] s: increase {joules:0.000} J, Prometheus's rule {expected:0.000} J, samples' pro-rata rule {samplesRule:0.000} J");
        joules.Should().BeApproximately(expected, Math.Abs(expected) * 1e-3);
        measured.EdgeSamples.Should().BeEmpty();
        measured.Approximation.Should().Contain("increase(DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}[");
    }
}
