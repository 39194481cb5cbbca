using System.Globalization;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>The machine's state in words: one line for the run's output, and the facts of the reports.</summary>
public static class MachineStateText
{
    /// <summary>
    /// "Machine: power AC power (battery 97%, charged); governors performance x 8; other processes kept 0.12 logical cores busy over
    /// 0.6 s before the first case (busiest: dotnet (pid 412) 0.10 cores); thermal pressure Nominal in all 600 samples."
    /// </summary>
    public static string Line(MachineState state) => "Machine: " + string.Join("; ", Facts(state).Select(f => $"{f.Label.ToLowerInvariant()} {f.Value}")) + ".";

    /// <summary>The state as labelled facts: power source (and at the end, when it changed), governors, other processes, throttling.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(MachineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var facts = new List<(string, string)> { ("Power", state.PowerAtStart.Describe()) };
        if (state.PowerAtEnd is { } end && end.Kind != state.PowerAtStart.Kind)
            facts.Add(("Power at the end", end.Describe()));
        if (state.Governors is { } governors)
            facts.Add(("Governors", governors.Describe()));
        if (state.Activity is { } a)
        {
            var machine = a.MachineBusyCores is { } busy ? string.Create(CultureInfo.InvariantCulture, $" (the whole machine {busy:0.00})") : "";
            facts.Add(("Other processes", string.Create(CultureInfo.InvariantCulture,
                $"kept {a.OthersBusyCores:0.00} logical cores busy over {a.SampleS:0.0} s before the first case{machine}; busiest: {a.DescribeBusiest()}")));
        }

        if (state.ThermalPressure is { } t)
            facts.Add(("Thermal pressure", t.Describe()));
        if (state.ThrottleCountAtStart is { } before)
        {
            facts.Add(("Throttle counters", state.ThrottleCountAtEnd is { } after
                ? string.Create(CultureInfo.InvariantCulture, $"{after - before} more throttling events during the run ({before} at the start)")
                : string.Create(CultureInfo.InvariantCulture, $"{before} at the start")));
        }

        return facts;
    }
}
