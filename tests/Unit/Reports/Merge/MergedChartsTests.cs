using System.Globalization;
using System.Xml.Linq;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>The merged charts of the three runs: the machine is the series of every chart, each in its own colour, its legend saying its method.</summary>
public sealed class MergedChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ThreeMachines Runs = ThreeMachines.Make();

    private static readonly Lazy<(MergedRuns Merged, IReadOnlyList<RenderedChart> Charts)> Drawn = new(() =>
    {
        var merged = Runs.Merge();
        return (merged, MergedCharts.Render(merged));
    });

    [Fact]
    public void Render_ThreeMachines_EveryChartHasEachMachineAsASeriesInItsLegendAndCaption()
    {
        // Arrange
        var (merged, charts) = Drawn.Value;
        string[] legends = ["powermetrics (SIMULATED) · 20261126-202418-fake", "powermetrics (SIMULATED) · 20261130-120000-synthetic", "powermetrics (seed study) (IMPORTED)"];

        // Assert
        charts.Select(c => c.FileStem).Should().Equal(
            MergedCharts.EnergyPerResponse, MergedCharts.JoulesPerToken, MergedCharts.TokensPerSecond, MergedCharts.AveragePower, MergedCharts.InferenceTime);
        foreach (var chart in charts)
        {
            chart.Series.Should().Equal(merged.Machines.Select(m => m.Legend), chart.FileStem);
            for (var i = 0; i < legends.Length; i++)
                chart.Series[i].Should().EndWith(legends[i]);
            var texts = Texts(chart);
            foreach (var machine in merged.Machines)
            {
                texts.Should().Contain(machine.Legend, $"{chart.FileStem} must show {machine.Label} in its legend");
                chart.Caption.Should().Contain(machine.Legend);
            }
        }
    }

    [Fact]
    public void Render_EnergyCharts_SayTheMethodsDifferAndThatDifferentMetersDoNotCompare()
    {
        // Arrange
        var charts = Drawn.Value.Charts;

        // Assert
        var energy = charts.Single(c => c.FileStem == MergedCharts.EnergyPerResponse);
        energy.Title.Should().Be("Energy per response by machine (methods differ by machine: see the legend)");
        energy.Caption.Should().Contain("powermetrics (seed study) (IMPORTED): powermetrics (seed study) over cpu + gpu")
            .And.Contain("Bars of machines with different meters, domains or methods are not directly comparable");
        charts.Single(c => c.FileStem == MergedCharts.TokensPerSecond).Title.Should().Be("Tokens per second by machine");
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void Render_EnergyPerResponse_DrawsOneBarPerModelOfTheMachineInItsColourPlusItsLegendSwatch(int machine, int models)
    {
        // Arrange
        var chart = Drawn.Value.Charts.Single(c => c.FileStem == MergedCharts.EnergyPerResponse);
        var hex = ChartPalette.HexForModel(machine);

        // Act
        var filled = XDocument.Parse(chart.Svg).Descendants().Count(e => string.Equals((string?)e.Attribute("fill"), hex, StringComparison.OrdinalIgnoreCase));

        // Assert
        filled.Should().Be(models + 1);
    }

    [Fact]
    public void Render_EnergyPerResponse_LabelsTheSharedModelsBarsWithEachMachinesOwnMean()
    {
        // Arrange: the shared model's J/response on each machine, from its own cases, at three significant digits.
        var chart = Drawn.Value.Charts.Single(c => c.FileStem == MergedCharts.EnergyPerResponse);
        var own = Runs.Folders.SelectMany(OwnFigures.Of).Where(f => f.Model == ThreeMachines.SharedModel).Select(f => ThreeDigits(f.JoulesPerResponse) + " J").ToList();

        // Assert
        own.Should().OnlyHaveUniqueItems();
        Texts(chart).Should().Contain(own);
    }

    private static string[] Texts(RenderedChart chart) =>
        [.. XDocument.Parse(chart.Svg).Descendants(Svg + "text").Select(t => t.Value.Trim())];

    private static string ThreeDigits(double value) =>
        Math.Round(value, 2 - (int)Math.Floor(Math.Log10(value))).ToString("0.###", CultureInfo.InvariantCulture);
}
