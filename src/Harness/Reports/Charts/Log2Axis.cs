using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>A base-2 logarithmic axis for requests in flight: values are plotted as log2 and the ticks labelled 1, 2, 4, ... (ScottPlot 5 has no log axis).</summary>
internal static class Log2Axis
{
    /// <summary>A tick at every power of two from 1 to <paramref name="max"/> (at least 64), labelled with its value.</summary>
    public static ITickGenerator Ticks(double max)
    {
        var ticks = new NumericManual();
        for (var k = 0; k <= Math.Ceiling(Math.Log2(Math.Max(max, 64))); k++)
            ticks.AddMajor(k, Math.Pow(2, k).ToString(CultureInfo.InvariantCulture));
        return ticks;
    }
}
