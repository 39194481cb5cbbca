using System.Globalization;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>
/// Prints measured decode rates beside the arithmetic: for each model the median rate and its range over the rounds,
/// and the speed ratio rate(first) / rate(model), taken within each round (both ran back to back, under the same load)
/// with its median and range, beside the cost ratio MAC(model) / MAC(first) and the median's deviation from it.
/// </summary>
internal static class LadderDecodeReport
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<SyntheticModelSpec> specs, double[][] rates)
    {
        var lines = new List<string>();
        var first = rates[0];
        var firstCost = (double)specs[0].Shape.MultiplyAccumulatesPerToken;
        for (var m = 0; m < specs.Count; m++)
        {
            var (median, low, high) = Spread(rates[m]);
            var line = Format($"{specs[m].Name}: {median:F1} tok/s ({low:F1}-{high:F1})");
            if (m > 0)
            {
                var (ratio, ratioLow, ratioHigh) = Spread([.. first.Zip(rates[m], (a, b) => a / b)]);
                var cost = specs[m].Shape.MultiplyAccumulatesPerToken / firstCost;
                line += Format($", speed ratio to {specs[0].Name} x{ratio:F2} ({ratioLow:F2}-{ratioHigh:F2}) vs cost ratio x{cost:F2}: {(ratio / cost) - 1:+0%;-0%}");
            }

            lines.Add(line);
        }

        return lines;
    }

    private static (double Median, double Low, double High) Spread(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (Quantiles.OfSorted(sorted, 0.5), sorted[0], sorted[^1]);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
