using System.Globalization;
using System.Text;

namespace SlmEnergyBench.Unit.Statistics;

/// <summary>
/// Operating characteristics of <see cref="Harness.Statistics.RegressionCheck.Compare"/> at its defaults (threshold 5%,
/// alpha 0.01) on 256 prompts (<see cref="PairedRuns"/>), 2000 simulated runs per point, each noise level and each
/// regression with its own seed. Prints the figures README's "What the check can see" quotes; the claims themselves are
/// asserted in every unit run by <see cref="RegressionCheckOperatingTests"/>. Explicit: run with
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
        var noises = new[] { 0.01, 0.03, 0.05 };
        for (var n = 0; n < noises.Length; n++)
        {
            var noise = noises[n];
            var unchanged = SimulatedComparisons.Count(Runs, Prompts, noise, 1.0, seed: 100 + n);
            output.AppendLine(CultureInfo.InvariantCulture,
                $"noise {noise:P0}: unchanged runs judged Worse {unchanged.Worse}, Better {unchanged.Better} (false positives {unchanged.FlaggedRate:P2}); Wilcoxon p < alpha alone {unchanged.SignificantRate:P2}");

            var rates = new StringBuilder();
            double? detected = null;
            for (var step = 0; step <= 20 && detected is null; step++)
            {
                var regression = 0.05 + (0.005 * step);
                var rate = SimulatedComparisons.Count(Runs, Prompts, noise, 1 + regression, seed: 200 + (100 * n) + step).WorseRate;
                rates.Append(CultureInfo.InvariantCulture, $" +{regression:P1}: {rate:P1};");
                if (rate >= 0.95)
                    detected = regression;
            }

            output.AppendLine(CultureInfo.InvariantCulture, $"  detection rate by uniform regression:{rates}");
            output.AppendLine(CultureInfo.InvariantCulture,
                $"  smallest regression (0.5-point steps) detected in >= 95% of runs: {(detected is { } d ? d.ToString("P1", CultureInfo.InvariantCulture) : "above +15%")}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
    }
}
