using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Unit.Reports.Sweep;

/// <summary>The sweep's charts on the hand-made sweeps of <see cref="SweepRuns"/>: the data each line carries, worked out by hand, and which charts are drawn.</summary>
public sealed class SweepChartsTests
{
    [Fact]
    public void InFlightLines_ConcurrencySweep_SteadyStateWhereReachedElseRatioOfTotals()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep();

        // Act
        var lines = InFlightChart.Lines(run);

        // Assert: concurrency 1 has no steady state (40 J / 300 tokens); 4 and 64 reached one (6 J / 150, 1.2 J / 40).
        lines.Should().ContainSingle().Which.Label.Should().Be(SweepRuns.Model);
        lines[0].Points.Select(p => (p.X, Math.Round(p.Y, 12), p.Steady, p.Label)).Should().Equal(
            (1, Math.Round(40.0 / 300, 12), false, "1"), (4, 0.04, true, "4"), (64, 0.03, true, "64"));
    }

    [Fact]
    public void TradeOffLines_ConcurrencySweep_ThroughputAgainstMeanLatency()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep(reached64: false);

        // Act
        var lines = TradeOffChart.Lines(run);

        // Assert: concurrency 1: 300 tokens / 6 s at mean 3 s; 4: steady 150 / 2 s at mean 4 s; 64 (not reached): window 100 tokens / 8 s at mean 7 s.
        lines.Should().ContainSingle();
        lines[0].Points.Select(p => (p.X, p.Y, p.Steady, p.Label)).Should().Equal((3, 50, false, "1"), (4, 75, true, "4"), (7, 12.5, false, "64"));
    }

    [Fact]
    public void Render_ConcurrencySweep_DrawsTheInFlightAndTradeOffChartsWithThePublishedSeries()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep();

        // Act
        var charts = RunCharts.Render(run);

        // Assert
        var inFlight = charts.Single(c => c.FileStem == InFlightChart.FileStem);
        inFlight.Series.Should().Equal(SweepRuns.Model, InFlightChart.PaperSeries, InFlightChart.StudySeries);
        inFlight.Png.Should().NotBeEmpty();
        inFlight.Svg.Should().Contain("<svg").And.Contain("LLaMA 65B").And.Contain("Llama 3 8B");
        inFlight.Title.Should().EndWith("(SIMULATED by a fake meter, no hardware)");
        charts.Single(c => c.FileStem == TradeOffChart.FileStem).Series.Should().Equal(SweepRuns.Model);
        charts.Select(c => c.FileStem).Should().NotContain(SettingChart.Stems);
    }

    [Fact]
    public void TemperatureLines_TemperatureSweep_AnswerLengthAndJoulesPerResponsePerTemperature()
    {
        // Arrange
        var run = SweepRuns.TemperatureSweep();

        // Act
        var (tokens, joules) = SettingChart.TemperatureLines(run);

        // Assert: means of (100, 120), (150, 170), (300, 340) tokens and (10, 12), (15, 17), (30, 34) J.
        tokens.Should().ContainSingle().Which.Points.Select(p => (p.X, p.Y)).Should().Equal((0, 110), (0.7, 160), (1.4, 320));
        joules.Should().ContainSingle().Which.Points.Select(p => (p.X, p.Y)).Should().Equal((0, 11), (0.7, 16), (1.4, 32));
    }

    [Fact]
    public void Render_TemperatureSweep_DrawsTheTemperatureChartOnly()
    {
        // Arrange
        var run = SweepRuns.TemperatureSweep();

        // Act
        var stems = RunCharts.Render(run).Select(c => c.FileStem).ToArray();

        // Assert: one request at a time at every point: no in-flight axis to draw.
        stems.Should().Contain([SettingChart.TemperatureLengthStem, SettingChart.TemperatureEnergyStem])
            .And.NotContain([InFlightChart.FileStem, TradeOffChart.FileStem, SettingChart.MaxTokensLengthStem, SettingChart.MaxTokensEnergyStem]);
        RunCharts.Render(run).Single(c => c.FileStem == SettingChart.TemperatureEnergyStem).Series.Should().Equal(SweepRuns.Model);
    }

    [Fact]
    public void Render_RunWithoutSweep_DrawsNoSweepChart()
    {
        // Arrange
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        // Act
        var stems = RunCharts.Render(run).Select(c => c.FileStem);

        // Assert
        stems.Should().NotContain([InFlightChart.FileStem, TradeOffChart.FileStem, .. SettingChart.Stems]);
    }

    [Fact]
    public void Lines_GridOfTemperatureAndConcurrency_OneLinePerOtherSettingWithItsOwnPattern()
    {
        // Arrange: temperature 0 and 1.4, each at concurrency 1 and 4 (one request of 100 tokens each; 10 J at 1, 4 J at 4).
        SweepPoint Point(double t, int n) => new(FormattableString.Invariant($"temperature {t}, concurrency {n}"), t, 256, n, 1, 0);
        var run = SweepRuns.With(
            [SweepRuns.Case(Point(0, 1), 0, 100, 10, 2), SweepRuns.Case(Point(0, 4), 0, 100, 4, 2), SweepRuns.Case(Point(1.4, 1), 0, 100, 10, 2), SweepRuns.Case(Point(1.4, 4), 0, 100, 4, 2)],
            []);

        // Act
        var inFlight = InFlightChart.Lines(run);
        var (tokens, _) = SettingChart.TemperatureLines(run);

        // Assert: along requests in flight, a line per temperature; along temperature, a line per load. J/token 10/100 and 4/100 (no steady state).
        inFlight.Select(l => (l.Label, l.Variant)).Should().Equal(
            ($"{SweepRuns.Model}, temperature 0, max tokens 256", 0), ($"{SweepRuns.Model}, temperature 1.4, max tokens 256", 1));
        inFlight.Should().AllSatisfy(l => l.Points.Select(p => (p.X, p.Y)).Should().Equal((1.0, 0.1), (4.0, 0.04)));
        tokens.Select(l => l.Label).Should().Equal($"{SweepRuns.Model}, max tokens 256, 1 in flight", $"{SweepRuns.Model}, max tokens 256, 4 in flight");
    }
}
