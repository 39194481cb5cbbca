using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Overhead;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>What both reports say about a run's conditions: the machine's state (warnings as banners at the top, facts in the header) and the harness's own cost (under "How energy was obtained").</summary>
internal static class RunConditionsText
{
    /// <summary>One banner per machine warning (not quiet, on battery, throttled), each with what to do.</summary>
    public static IEnumerable<ReportBanner> Banners(RunData run) =>
        (run.Manifest.MachineState?.Warnings ?? []).Select(w => new ReportBanner(ReportBanner.Machine, w, []));

    /// <summary>The machine's state as header facts, e.g. ("Power", "AC power (battery 97%, charged)"); none for a run that did not record it.</summary>
    public static IReadOnlyList<(string Label, string Value)> MachineFacts(RunData run) =>
        run.Manifest.MachineState is { } state ? MachineStateText.Facts(state) : [];

    /// <summary>The harness's cost and the meter's overhead, for "How energy was obtained"; none for a run that did not record them.</summary>
    public static IReadOnlyList<(string Label, string Value)> CostFacts(RunData run)
    {
        var facts = new List<(string, string)>();
        if (run.Manifest.HarnessCost is { } cost)
            facts.AddRange(HarnessCostText.Facts(cost));
        if (run.Manifest.MeterOverhead is { } overhead)
            facts.Add(("Meter overhead", $"{overhead.Describe()}. Method: {overhead.Formula}."));
        return facts;
    }
}
