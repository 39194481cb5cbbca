using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>What a measurement needs to be valid. Each problem says what was seen and what was expected.</summary>
public static class CaseValidator
{
    public static IReadOnlyList<string> Check(CompletionResult completion, WindowEnergy window, MeterOptions meter)
    {
        var problems = new List<string>();
        if (!string.Equals(completion.ServedModel.Trim(), completion.RequestedModel.Trim(), StringComparison.OrdinalIgnoreCase))
            problems.Add($"served model '{completion.ServedModel}' is not the requested '{completion.RequestedModel}'");
        if (completion.CompletionTokens is not > 0)
            problems.Add($"completion tokens = {completion.CompletionTokens?.ToString() ?? "none"} ({completion.CompletionTokensSource}): a measurement needs at least one generated token");
        if (completion.WallSeconds <= 0)
            problems.Add($"wall time {completion.WallSeconds:0.######} s is not positive");
        if (window.Coverage < meter.MinCoverage)
            problems.Add($"samples cover {window.Coverage * 100:0.0}% of the window, below Meter:MinCoverage {meter.MinCoverage * 100:0.0}%");

        foreach (var (domain, energy) in window.Domains)
        {
            if (energy.Joules < 0 || !double.IsFinite(energy.Joules))
                problems.Add($"{domain} energy {energy.Joules} J is not a finite non-negative number");
        }

        if (!window.Domains.TryGetValue(Domains.Total, out var total))
            problems.Add("the meter reported no total");
        else if (total.AveragePowerW <= 0 || total.AveragePowerW > meter.MaxPlausiblePowerW)
            problems.Add($"average power {total.AveragePowerW:0.###} W is not plausible: expected above 0 and at most Meter:MaxPlausiblePowerW = {meter.MaxPlausiblePowerW} W");
        return problems;
    }
}
