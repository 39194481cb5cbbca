using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Stops a child process: SIGTERM first (sudo relays it to powermetrics, which may run as root and could
/// not be killed by us), then, after <c>grace</c>, a kill of the whole tree.
/// </summary>
internal static class ProcessStopper
{
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (HasExited(process))
            return;
        if (!OperatingSystem.IsWindows())
            await SignalTermAsync(process.Id);
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(grace);
            return;
        }
        catch (TimeoutException)
        {
            // It ignored SIGTERM: kill it below.
        }

        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(grace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static async Task SignalTermAsync(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            });
            if (kill is not null)
                await kill.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Win32Exception)
        {
            // No `kill` command: the tree kill that follows still stops it.
        }
    }
}
