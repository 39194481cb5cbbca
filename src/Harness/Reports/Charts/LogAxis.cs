using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// A logarithmic value axis: ScottPlot 5 has none, so the values are plotted as log10 and the ticks are labelled with
/// the values themselves (0.1, 1, 10, ...) with minor ticks at 2..9 of each decade.
/// </summary>
internal static class LogAxis
{
    /// <summary>Ticks at every decade, labelled with the decade's value, and log-spaced minor ticks.</summary>
    public static ITickGenerator Ticks() => new NumericAutomatic
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new LogMinorTickGenerator(),
        LabelFormatter = Label,
    };

    /// <summary>The label of the tick at log10 value <paramref name="exponent"/>: 10^exponent, e.g. 0.01 or 100.</summary>
    public static string Label(double exponent) =>
        Math.Pow(10, Math.Round(exponent, 6)).ToString("0.##########", CultureInfo.InvariantCulture);
}
