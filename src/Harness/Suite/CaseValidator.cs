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
    /// <summary>
    /// Seconds of server-reported load (<see cref="CompletionResult.ServerLoadS"/>) above which a measured request is taken to have loaded
    /// the model: Ollama reports a few ms of <c>load_duration</c> for a model already loaded, and hundreds of ms to seconds for a real load.
    /// </summary>
    public const double ModelLoadThresholdS = 0.05;

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
        if (completion.ServerLoadS is > ModelLoadThresholdS and var load)
        {
            problems.Add($"the server loaded the model during this measured request ({load:0.###} s of load, as the server reports it): the model was unloaded " +
                         "between cases (Ollama unloads after keep_alive; another program's request may have swapped it out), so the window holds a load, not " +
                         "only the answer. Keep it loaded (Backend:KeepAlive; OLLAMA_MAX_LOADED_MODELS) and rerun the case");
        }

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
