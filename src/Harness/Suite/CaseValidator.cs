using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// What a measurement needs to be valid. Each problem says what was seen and what was expected. The served model
/// must be exactly the name the request should be answered with (<see cref="CompletionResult.ExpectedServedModel"/>,
/// else the requested name): GPT4All matches names exactly and answers any other with its default model.
/// </summary>
public static class CaseValidator
{
    public static IReadOnlyList<string> Check(CompletionResult completion, WindowEnergy window, MeterOptions meter)
    {
        var problems = new List<string>();
        var expected = completion.ExpectedServedModel ?? completion.RequestedModel;
        if (!string.Equals(completion.ServedModel, expected, StringComparison.Ordinal))
        {
            var answeredAs = expected == completion.RequestedModel ? "" : $", which the backend answers as '{expected}'";
            problems.Add($"served model '{completion.ServedModel}' is not the requested '{completion.RequestedModel}'{answeredAs} " +
                         "(names are compared exactly, letter case included, as GPT4All matches them)");
        }
        if (completion.CompletionTokens is null && completion.CompletionTokensSource == TokenCountSource.Unavailable)
        {
            problems.Add("the backend's answer carries no usage.completion_tokens, so tokens/s and J/token cannot be computed: GPT4All (3.3 to 3.10) " +
                         "sends usage with every completion, so something else may be answering: check that Backend:BaseUrl is GPT4All's API");
        }
        else if (completion.CompletionTokens is not > 0)
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
