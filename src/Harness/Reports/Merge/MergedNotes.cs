using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>The merged report's sentences on what its figures are and which of them may be set against each other.</summary>
public static class MergedNotes
{
    /// <summary>What every row and bar is, and that nothing is pooled.</summary>
    public const string NothingPooled =
        "Each row and each bar is one machine's own run, with the figures that run's own report gives (mean [95% bootstrap confidence interval] "
        + "over its passed cases): nothing is averaged or pooled across machines, and figures of different methods or domains are never combined.";

    /// <summary>What the table's energy columns are.</summary>
    public const string ColumnsNote =
        "J/response and Average W are the total domain of each machine's own meter; \"J/response <domain>\" is that domain alone where the machine's "
        + "meter reports it (empty where it does not). J/token as the ratio of totals is the energy spent per token produced; the mean of ratios is the "
        + "seed study's method. ~ marks an ESTIMATED figure.";

    /// <summary>
    /// Why these machines' energy figures can or cannot be set against each other: the same meter, domains and method on every
    /// machine; else each group of machines with its meter, what its domains cover and its method, and why that matters (a GPU-only
    /// figure leaves out the rest of the machine; a simulated, imported or estimated figure is no measurement of that hardware).
    /// </summary>
    public static IReadOnlyList<string> Comparability(MergedRuns merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var groups = merged.Machines
            .GroupBy(m => (Meter: m.Meter.Meter, m.Components, m.Method))
            .ToArray();
        var notes = new List<string>();
        if (groups.Length == 1)
        {
            var (meter, components, method) = groups[0].Key;
            notes.Add($"Every machine's energy comes from the {meter} meter over the same domains ({Coverage(components)}), {EnergyMethodText.Meaning(method)}: "
                      + "their figures may be set side by side, each for its own hardware.");
        }
        else
        {
            notes.Add("These machines' energy figures are not directly comparable: they come from different meters, domains or methods. "
                      + string.Join("; ", groups.Select(g => $"{string.Join(" and ", g.Select(m => m.Label))}: {g.Key.Meter} over {Coverage(g.Key.Components)}, "
                                                            + EnergyMethodText.Meaning(g.Key.Method))) + ".");
            if (groups.Select(g => g.Key.Components).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                notes.Add("Domains differ: a meter that covers the GPU alone (NVML, DCGM) leaves out the CPU, memory and the rest of the machine, so its "
                          + "J/response is lower than a whole-machine or CPU + GPU figure of the same work; compare a machine's \"J/response gpu\" with "
                          + "another's only where both meters report that domain.");
            }

            if (groups.Select(g => g.Key.Method).Distinct().Count() > 1)
            {
                notes.Add("Methods differ: only a measured figure comes from this machine's counters; a SIMULATED figure stands for no hardware, an IMPORTED "
                          + "one was measured by another study on inferred sample times, an ESTIMATED one comes from a power model. Never read a difference "
                          + "between figures of different methods as a difference between machines.");
            }

            if (groups.Select(g => g.Key.Meter).Distinct(StringComparer.Ordinal).Count() > 1)
                notes.Add("Meters differ: each reads its own counters (powermetrics' estimates, RAPL, NVML, DCGM, ...) with its own accuracy and sampling.");
        }

        if (merged.Machines.Select(m => m.Run.Manifest.Prompts.Sha256).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            notes.Add("The runs did not all use the same prompts (their prompt files differ): J/response and latency depend on the answers' lengths, so "
                      + "compare J/token and tokens/s rather than per-response figures.");
        }

        notes.Add("Latency, tokens/s and words/s are the harness's wall-clock figures of each machine's own runtime and settings.");
        return notes;
    }

    /// <summary>
    /// What domains cover, in words: "the GPU alone" for <c>gpu</c>; else each domain named ("CPU + GPU + Neural Engine",
    /// "CPU package + DRAM"), or "the meter's total" when it reports only a total.
    /// </summary>
    public static string Coverage(string components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components == Domains.Gpu)
            return "the GPU alone";
        if (components == Domains.Total)
            return "the meter's total";
        var words = components.Split(" + ").Select(d => d switch
        {
            Domains.Cpu => "CPU",
            Domains.Gpu => "GPU",
            Domains.Ane => "Neural Engine",
            Domains.Dram => "DRAM",
            Domains.Package => "CPU package",
            Domains.Core => "CPU cores",
            Domains.Uncore => "uncore",
            Domains.Psys => "whole platform (psys)",
            _ => d,
        });
        return string.Join(" + ", words);
    }
}
