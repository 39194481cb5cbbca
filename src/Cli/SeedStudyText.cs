using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.SeedStudy;

namespace SlmEnergyBench.Cli;

/// <summary>The short text version of an imported run's seed analysis: the study's figures, the corrected ones, and one row per change of method.</summary>
internal static class SeedStudyText
{
    public static string Of(SeedStudyComparison analysis)
    {
        var s = analysis.Study;
        var p = analysis.Project;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"The study's way ({s.Responses} responses): mean inference time {s.MeanInferenceTimeSeconds:0.000} s, {s.TokensPerSecond:0.00} tokens/s (mean of ratios), "
            + $"{s.WordsPerSecondAsReported:0.0} \"words/s\" (characters), GPU energy per response {s.GpuEnergyPerResponseJoules:0.00} J (rectangle sum), mean GPU power {s.MeanGpuPowerWatts:0.00} W.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"This project's way: {p.TokensPerSecondRatioOfTotals:0.00} tokens/s (ratio of totals), {p.WordsPerSecond:0.0} words/s, "
            + $"GPU energy per response {p.GpuEnergyPerResponseJoules:0.00} J and all domains {p.AllDomainsEnergyPerResponseJoules:0.00} J (integrated over each measured duration, sample times inferred), "
            + $"{p.AllDomainsJoulesPerToken:0.0000} J/token, sample coverage {p.SampleCoverage:0.000}.");
        text.AppendLine();
        text.AppendLine("| aspect | metric | study's way | this project's way | change |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var d in analysis.Differences)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {d.Aspect} | {d.Metric} | {d.From:0.###} | {d.To:0.###} | {d.RelativeChange * 100:+0.0;-0.0;0.0}% |");
        return text.ToString();
    }
}
