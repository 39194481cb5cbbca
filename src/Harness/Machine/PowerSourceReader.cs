using System.Diagnostics;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>Reads this machine's power source: <c>pmset -g batt</c> on macOS (<see cref="PmsetBattery"/>), the power-supply folder on Linux (<see cref="LinuxPowerSupply"/>).</summary>
public static class PowerSourceReader
{
    /// <summary>The power source now; <see cref="PowerSource.Unknown"/> with the reason when it cannot be told (never throws but for cancellation).</summary>
    public static async Task<PowerSource> ReadAsync(MachineSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (!sources.IsMacOS)
        {
            return OperatingSystem.IsWindows()
                ? new PowerSource(PowerSource.Unknown, null, null, "", "not read on Windows")
                : LinuxPowerSupply.Read(sources.PowerSupplyRoot);
        }

        var info = new ProcessStartInfo("pmset") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add("-g");
        info.ArgumentList.Add("batt");
        try
        {
            var run = await ProbeRun.RunAsync(info, TimeSpan.FromSeconds(5), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return run.ExitCode == 0
                ? PmsetBattery.Parse(System.Text.Encoding.UTF8.GetString(run.Stdout))
                : new PowerSource(PowerSource.Unknown, null, null, PmsetBattery.Command, $"{PmsetBattery.Command} {run.Describe()}: {run.Stderr}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new PowerSource(PowerSource.Unknown, null, null, PmsetBattery.Command, $"{PmsetBattery.Command} could not be started: {e.Message}");
        }
    }
}
