using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

/// <summary>
/// Operating characteristics of <see cref="RegressionCheck.Compare"/> at its defaults (threshold 5%, alpha 0.01)
/// on 256 prompts (<see cref="PairedRuns"/>). Prints figures, asserts nothing timed. Explicit: run with
/// <c>dotnet test tests/Unit --filter "FullyQualifiedName~RegressionSimulation" --logger "console;verbosity=detailed" -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class RegressionSimulation
{
    private const int Runs = 2000;
    private const int Prompts = 256;

    [Fact(Explicit = true)]
    public void Compare_SimulatedRuns_PrintsFalsePositiveRateAndDetectableRegression()
    {
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"{Runs} simulated runs of {Prompts} prompts each; threshold +5%, alpha 0.01");
        foreach (var noise in new[] { 0.01, 0.03, 0.05 })
        {
            var (worse, better, significant) = Simulate(noise, 1.0, seed: 100);
            output.AppendLine(CultureInfo.InvariantCulture,
                $"noise {noise:P0}: unchanged runs judged Worse {worse:P2}, Better {better:P2} (false positives {(worse + better):P2}); Wilcoxon p < alpha alone {significant:P2}");

            var rates = new StringBuilder();
            double? detected = null;
            for (var step = 0; step <= 20 && detected is null; step++)
            {
                var regression = 0.05 + (0.005 * step);
                var (rate, _, _) = Simulate(noise, 1 + regression, seed: 200 + step);
                rates.Append(CultureInfo.InvariantCulture, $" +{regression:P1}: {rate:P1};");
                if (rate >= 0.95)
                    detected = regression;
            }

            output.AppendLine(CultureInfo.InvariantCulture, $"  detection rate by uniform regression:{rates}");
            output.AppendLine(CultureInfo.InvariantCulture,
                $"  smallest regression detected in >= 95% of runs: {(detected is { } d ? d.ToString("P1", CultureInfo.InvariantCulture) : "above +15%")}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
    }

    private static (double Worse, double Better, double Significant) Simulate(double noise, double factor, int seed)
    {
        var random = new Random(seed);
        int worse = 0, better = 0, significant = 0;
        for (var run = 0; run < Runs; run++)
        {
            var (baseline, current) = PairedRuns.Generate(random, Prompts, factor, noise);

            // One resample: the verdict uses the ratio and the p-value only, never the interval.
            var verdict = RegressionCheck.Compare(baseline, current, resamples: 1);
            worse += verdict.Kind == Verdict.Worse ? 1 : 0;
            better += verdict.Kind == Verdict.Better ? 1 : 0;
            significant += verdict.PValue < 0.01 ? 1 : 0;
        }

        return ((double)worse / Runs, (double)better / Runs, (double)significant / Runs);
    }
}
