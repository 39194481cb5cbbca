using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Metering.Prometheus;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Metering.Prometheus;

/// <summary>
/// The meter against a stand-in Prometheus on virtual time: a DCGM energy counter (mJ) of one GPU scraped every 5 s at session
/// times ..., -7, -2, 3, 8, 13, 18, ...; the GPU draws 50 W, and 250 W over [1, 15]; the server's clock runs 2.5 s ahead.
/// </summary>
public sealed partial class PrometheusMeterTests : IDisposable
{
    private const double Precision = 1e-6;
    private const string Counter = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}";
    private const string Gauge = "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\"}";
    private const string Labels = "gpu=\"0\",UUID=\"GPU-1\",job=\"dcgm\",instance=\"node1:9400\"";

    private readonly SkipAheadTimeProvider _time = new(TimeSpan.FromMinutes(5));
    private readonly SessionClock _clock;
    private readonly FakePrometheusApi _api;

    public PrometheusMeterTests()
    {
        _clock = new SessionClock(_time);
        _api = new FakePrometheusApi(_clock) { OffsetS = 2.5 };
        _api.Targets.Add(("dcgm", "node1:9400", "5s"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Joules the GPU has drawn since t = -100 s: 50 W, plus 200 W more over [1, 15].</summary>
    private static double EnergyJ(double t) => (50 * (t + 100)) + (200 * Math.Clamp(t - 1, 0, 14));

    private static double PowerW(double t) => t is >= 1 and < 15 ? 250 : 50;

    private void AddCounter() => _api.Add(Counter, Labels, FakePrometheusApi.Every(5, -47, 58, t => 1_000_000 + (1000 * EnergyJ(t))));

    private MeterOptions Options(Action<PrometheusOptions>? change = null)
    {
        var options = new MeterOptions { Kind = MeterKinds.Prometheus, IntervalMs = 5000, StartTimeoutSeconds = 10 };
        options.Prometheus.Url = _api.Url;
        options.Prometheus.Selector = "gpu=\"0\"";
        change?.Invoke(options.Prometheus);
        return options;
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task StartAsync_ServerClockAhead_PlacesScrapesOnTheSessionTimelineAndNotesTheOffset()
    {
        // Arrange
        AddCounter();
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        await meter.StartAsync(Ct);

        // Assert: the first sample is the last interval before the start, at the scrapes' own session times.
        meter.Samples.Should().ContainSingle();
        meter.Samples[0].StartS.Should().BeApproximately(-7, Precision);
        meter.Samples[0].EndS.Should().BeApproximately(-2, Precision);
        meter.Samples[0].EnergyJ[Domains.Gpu].Should().BeApproximately(250, Precision);
        meter.Provenance.Notes.Should().Contain("Prometheus's clock is 2500 ms ahead of this machine's (± 0.5 ms");
    }

    [Fact]
    public async Task MeasureAsync_WindowOverWholeIntervalsAndTwoEdges_GivesWholeIntervalsPlusEdgeSamples()
    {
        // Arrange
        AddCounter();
        await using var meter = new PrometheusMeter(Options(), _clock);
        await meter.StartAsync(Ct);

        // Act: [1, 15] holds [3, 8] and [8, 13] whole and straddles [-2, 3] and [13, 18].
        var w = await meter.MeasureAsync(1, 15, Ct);

        // Assert: each edge interval drew 3 s x 50 W + 2 s x 250 W = 650 J, pro rata 2/5 of it inside.
        var whole = EnergyJ(13) - EnergyJ(3);
        whole.Should().BeApproximately(2500, Precision);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(whole + (2 * 650 * 2 / 5.0), Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(w.Domains[Domains.Gpu].Joules, Precision);
        w.EdgeSamples.Select(e => (e.StartS, e.EndS, e.InsideS, e.EnergyJ[Domains.Gpu])).Should().Equal(
            [(-2.0, 3.0, 2.0, 650.0), (13.0, 18.0, 2.0, 650.0)],
            (a, b) => Math.Abs(a.Item1 - b.Item1) < Precision && Math.Abs(a.Item2 - b.Item2) < Precision && Math.Abs(a.Item3 - b.Item3) < Precision && Math.Abs(a.Item4 - b.Item4) < Precision);
        w.Approximation.Should().BeNull();
        w.Coverage.Should().Be(1);
    }

    [Fact]
    public async Task MeasureAsync_EdgesSplitByTheIdlePower_GiveTheTrueEnergyOfTheBusyWindow()
    {
        // Arrange
        AddCounter();
        await using var meter = new PrometheusMeter(Options(), _clock);
        await meter.StartAsync(Ct);

        // Act: the session's idle-attributed rule with the idle 50 W.
        var w = EdgeAttribution.Apply(await meter.MeasureAsync(1, 15, Ct), new Dictionary<string, double> { [Domains.Gpu] = 50 });

        // Assert: 14 s x 250 W.
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(14 * 250, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(14 * 250, Precision);
    }

    [Fact]
    public async Task MeasureAsync_WindowShorterThanTwoScrapeIntervals_IsKeptAndFlagged()
    {
        // Arrange
        AddCounter();
        await using var meter = new PrometheusMeter(Options(), _clock);
        await meter.StartAsync(Ct);

        // Act: [4, 7] lies inside the interval [3, 8] (1250 J).
        var w = await meter.MeasureAsync(4, 7, Ct);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(1250 * 3 / 5.0, Precision);
        w.Approximation.Should().Be(
            "prometheus: window of 3 s, shorter than two scrape intervals (2 x 5 s): its energy is the scrape interval(s) around it less the idle power over the time outside it; right only when that time was idle, which the protocol's pause of two scrape intervals before each request ensures.");
        meter.Provenance.Notes.Should().Contain("So far 1 such window(s).");
    }

    [Fact]
    public async Task MeasureAsync_ShortWindowWithRefuse_ThrowsWithWhatToDo()
    {
        // Arrange
        AddCounter();
        await using var meter = new PrometheusMeter(Options(p => p.ShortWindow = PrometheusShortWindows.Refuse), _clock);
        await meter.StartAsync(Ct);

        // Act
        var act = () => meter.MeasureAsync(4, 13.5, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "prometheus: window [4.000, 13.500] s lasts 9.5 s, shorter than two scrape intervals (2 x 5 s), and Meter:Prometheus:ShortWindow = refuse: measure over a longer window (a sweep point's steady state, more tokens), or use a meter with a finer interval.");
    }

    [Fact]
    public async Task MeasureAsync_CounterResetAndMissedScrapeInsideTheWindow_CountsLikePrometheus()
    {
        // Arrange: 100 W; the exporter restarts between 8 and 13 (the counter starts again from 0 and reads 300 J at 13), and
        // the scrape at 18 is missed.
        var points = new List<(double S, double V)> { (-7, 10_000), (-2, 10_500), (3, 11_000), (8, 11_500), (13, 300), (23, 1_300), (28, 1_800) };
        _api.Add("energy_joules_total", "job=\"dcgm\",instance=\"node1:9400\"", [.. points]);
        await using var meter = new PrometheusMeter(Options(p =>
        {
            p.Preset = PrometheusPresets.Custom;
            p.Selector = "";
            p.Domains.Add(new PrometheusDomainOptions { Name = Domains.Gpu, Query = "energy_joules_total", Kind = PrometheusSeriesKinds.Counter, Unit = PrometheusUnits.Joules });
        }), _clock);
        await meter.StartAsync(Ct);

        // Act
        var w = await meter.MeasureAsync(3, 23, Ct);

        // Assert: 500 J + 300 J (reset: the new value) + 1000 J over the 10 s interval.
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(500 + 300 + 1000, Precision);
        meter.SamplesIn(3, 23).Select(s => s.EndS - s.StartS).Should().Equal([5.0, 5.0, 10.0], (a, b) => Math.Abs(a - b) < Precision);
        meter.Provenance.Notes.Should().Contain("Counter resets (a value below the one before) handled as Prometheus does (the increase is the new value): 1 so far.");
    }

    [Fact]
    public async Task MeasureAsync_NoEnergyCounter_FallsBackToThePowerGaugeAndSaysSo()
    {
        // Arrange: only the power gauge, in W.
        _api.Add(Gauge, Labels, FakePrometheusApi.Every(5, -47, 58, PowerW));
        await using var meter = new PrometheusMeter(Options(), _clock);
        await meter.StartAsync(Ct);

        // Act: [3, 13]: trapezoids (250 + 250) / 2 x 5 twice... the scrape at 13 reads 250 W, at 3 250 W, at 8 250 W.
        var w = await meter.MeasureAsync(3, 13, Ct);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(2 * 5 * 250, Precision);
        w.Approximation.Should().Be("prometheus: gpu integrated from a power gauge sampled every 5 s (trapezoid between scrapes), not read from an energy counter.");
        meter.Provenance.Source.Should().Contain($"gpu = {Gauge} (power, W), summed over 1 series");
        meter.Provenance.Notes.Should().Contain($"No series matches {Counter}");
    }
}
