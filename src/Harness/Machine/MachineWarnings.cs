using System.Globalization;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>The warnings a machine's state gives: each says what was found, why it matters to the figures, and what to do.</summary>
public static class MachineWarnings
{
    /// <summary>
    /// Other processes keeping at least this many logical cores busy on average make the machine "not quiet": a quarter of a
    /// core is what a browser tab playing video or an indexing service takes, enough to add watts to every window.
    /// </summary>
    public const double NotQuietBusyCores = 0.25;

    /// <summary>The warnings known at the start: on battery, not quiet.</summary>
    public static IReadOnlyList<string> AtStart(PowerSource power, MachineActivity? activity)
    {
        ArgumentNullException.ThrowIfNull(power);
        var warnings = new List<string>();
        if (power.OnBattery)
            warnings.Add($"On battery: the machine ran from its battery ({power.Describe()}) when the run started. On battery the OS lowers CPU and GPU clocks to save power, so time and energy per token are not those of the machine on AC: plug in the power adapter and run again.");
        if (activity is { } a && a.OthersBusyCores >= NotQuietBusyCores)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Not quiet: other processes kept {a.OthersBusyCores:0.00} logical cores busy over {a.SampleS:0.0} s before the first case (busiest: {a.DescribeBusiest()}). Their work adds to every window's energy and slows the model: close them or wait for them to finish, and run again."));
        }

        return warnings;
    }

    /// <summary>The warnings known at the end: switched to battery during the run, throttled (thermal pressure or Linux's throttle counters).</summary>
    public static IReadOnlyList<string> AtEnd(MachineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var warnings = new List<string>();
        if (state.PowerAtEnd is { OnBattery: true } end && !state.PowerAtStart.OnBattery)
            warnings.Add($"On battery: the machine was running from its battery ({end.Describe()}) when the run ended; the cases measured after the switch ran with the OS saving power: plug in the power adapter and run again.");
        if (state.ThermalPressure is { Throttled: true } t)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Throttled: powermetrics reported thermal pressure other than {ThermalPressure.Nominal} in {t.NotNominalSamples} of {t.Samples.Values.Sum()} samples ({t.NotNominalS:0.0} s, the first at {t.FirstNotNominalS:0.0} s on the session timeline: {t.Describe()}). macOS slowed the machine to cool it, so its figures are not comparable with an unthrottled run: let it cool, keep its vents free, and run again."));
        }

        if (state.ThrottleCountAtStart is { } before && state.ThrottleCountAtEnd is { } after && after > before)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Throttled: the CPU's thermal throttle counters (Linux thermal_throttle) rose by {after - before} during the run: it was slowed down because it was too hot, so its figures are not comparable with an unthrottled run: let it cool and run again."));
        }

        return warnings;
    }
}
