using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Overhead;

/// <summary>Case records written by hand for the harness-cost tests: a window's cpu and total energy, its model's idle power and its harness CPU.</summary>
internal static class HarnessRecords
{
    /// <param name="windowS">The window's length, s (it starts at 10 s).</param>
    /// <param name="cpuJ">The window's cpu energy, J.</param>
    /// <param name="totalJ">Its total energy, J.</param>
    /// <param name="idleCpuW">The model's idle cpu power, W (idle total is that + 1 W).</param>
    /// <param name="harness">Its harness figures.</param>
    /// <param name="engineCpuS">The in-process engine's CPU in it, s.</param>
    public static CaseRecord Case(double windowS, double cpuJ, double totalJ, double idleCpuW, CaseHarnessCost? harness, double? engineCpuS = null) => new()
    {
        RunId = "20261130-120000-test",
        Model = "m",
        PromptOrdinal = 0,
        PromptDatasetIndex = 0,
        PromptText = "p",
        Outcome = "passed",
        Completion = new CompletionResult
        {
            RequestedModel = "m",
            ServedModel = "m",
            Text = "t",
            StartS = 10,
            EndS = 10 + windowS,
            PromptTokensSource = TokenCountSource.EngineCount,
            CompletionTokensSource = TokenCountSource.EngineCount,
            WordCount = 1,
            CharacterCount = 1,
            FinishReason = "stop",
            EngineCpuS = engineCpuS,
        },
        Energy = new CaseEnergy(
            new EnergyProvenance("scripted", [Domains.Cpu, Domains.Total], EnergyMethod.Measured, "test", ""),
            new WindowEnergy(10, 10 + windowS, new Dictionary<string, DomainEnergy>
            {
                [Domains.Cpu] = new(cpuJ, cpuJ, cpuJ / windowS),
                [Domains.Total] = new(totalJ, totalJ, totalJ / windowS),
            }, 10, 1))
        {
            Idle = new IdleMeasurement("before m", 0, 5, new Dictionary<string, double> { [Domains.Cpu] = idleCpuW, [Domains.Total] = idleCpuW + 1 }, 50, 1),
        },
        Harness = harness,
    };
}
