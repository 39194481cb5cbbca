using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>The harness's cost in words: one line for the run's output, and the facts of the reports' "How energy was obtained".</summary>
public static class HarnessCostText
{
    /// <summary>
    /// "Harness cost: 1.84 s CPU over 63.2 s on 2 logical cores = 1.46% of the machine (0.029 busy cores; test program 1.52 s,
    /// meter 0.32 s); in the 12 request windows 0.45 s CPU = 2.10% (0.043 busy cores); ~0.52 J over the run, ~0.13 J in the
    /// windows = 0.09% of their 145.3 J (ESTIMATED at 18.4 W per busy core, cpu power above idle / machine busy cores in the windows)."
    /// </summary>
    public static string Line(RunHarnessCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var w = cost.Windows;
        var line = Invariant($"Harness cost: {cost.HarnessCpuS:0.00} s CPU over {cost.WallS:0.0} s on {cost.LogicalCores} logical cores = {Percent(cost.Share)} of the machine ({cost.BusyCores:0.000} busy cores; {Parts(cost.TestProgramCpuS, cost.EngineCpuS, cost.MeterCpuS)})");
        if (w.Cases > 0)
            line += Invariant($"; in the {w.Cases} request windows {w.HarnessCpuS:0.00} s CPU = {Percent(w.Share)} ({w.BusyCores:0.000} busy cores)");
        return line + "; " + Joules(cost) + ".";
    }

    /// <summary>The joules part: "~0.52 J over the run, ~0.13 J in the windows = 0.09% of their 145.3 J (ESTIMATED at ...)", or why there are none.</summary>
    public static string Joules(RunHarnessCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var p = cost.PowerPerBusyCore;
        if (p.WattsPerBusyCore is not { } watts || cost.Joules is not { } joules)
            return $"no joules: {p.Why}";
        var mark = EnergyMethodText.Mark(cost.Method);
        var text = Invariant($"{mark}{joules:0.00} J over the run");
        if (cost.Windows.Joules is { } windowJ)
        {
            text += Invariant($", {mark}{windowJ:0.000} J in the windows");
            if (cost.Windows.ShareOfEnergy is { } share && cost.Windows.EnergyJ is { } energy)
                text += Invariant($" = {Percent(share)} of their {energy:0.0} J");
        }

        return text + Invariant($" ({EnergyMethodText.Word(cost.Method)} at {mark}{watts:0.00} W per busy core: {p.Basis})");
    }

    /// <summary>The facts the reports show under "How energy was obtained".</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(RunHarnessCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var facts = new List<(string, string)>
        {
            ("Harness cost", Line(cost)["Harness cost: ".Length..]),
            ("Harness cost method", "CPU seconds from the OS (the test program's user + system time, the meter process tree's, the in-process engine's generating thread's, left out); "
                                    + $"share = harness CPU s / (wall s x logical cores); joules = harness CPU s x W per busy core ({EnergyMethodText.Word(cost.Method)}, never a measurement), with "
                                    + cost.PowerPerBusyCore.Formula + $". Meter CPU: {cost.MeterReadFrom}."),
        };
        if (cost.Notes.Count > 0)
            facts.Add(("Harness cost notes", string.Join(" ", cost.Notes)));
        return facts;
    }

    private static string Parts(double testProgramS, double engineS, double? meterS)
    {
        var parts = Invariant($"test program {testProgramS:0.00} s");
        if (engineS > 0)
            parts += Invariant($" less the engine's {engineS:0.00} s");
        return parts + (meterS is { } m ? Invariant($", meter {m:0.00} s") : ", meter in process");
    }

    private static string Percent(double share) => Invariant($"{share * 100:0.00}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
