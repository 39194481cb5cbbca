using System.Diagnostics;
using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// The process table as <c>ps -A -o pid=,ppid=,time=,comm=</c> prints it (macOS, where another user's process, such as
/// powermetrics run by root through sudo, is readable only through the set-uid <c>ps</c>): one process a line, its id,
/// its parent's, its CPU time and its command, which may hold spaces.
/// </summary>
public static class PsProcesses
{
    /// <summary>The arguments given to <c>ps</c>.</summary>
    public static readonly string[] Arguments = ["-A", "-o", "pid=,ppid=,time=,comm="];

    /// <summary>
    /// Every line of <paramref name="output"/> that is a process; others (blank, malformed) are left out. No reaped children's
    /// time: <c>ps</c> gives none (<see cref="ProcessCpu.ReapedChildrenCpuS"/> = 0).
    /// </summary>
    public static IReadOnlyList<ProcessCpu> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var all = new List<ProcessCpu>();
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Trim().Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 4
                && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid)
                && CpuTime(fields[2]) is { } cpu)
                all.Add(new ProcessCpu(pid, ppid, fields[3].Trim(), cpu, 0));
        }

        return all;
    }

    /// <summary>
    /// Seconds of a <c>ps</c> CPU time: macOS prints <c>minutes:seconds.hundredths</c> (<c>0:01.23</c>, <c>123:45.67</c>), procps on
    /// Linux <c>[days-]hours:minutes:seconds</c> (<c>00:01:02</c>, <c>1-02:03:04</c>); null when it is neither.
    /// </summary>
    public static double? CpuTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = 0L;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0 && !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
            return null;
        var parts = text[(dash + 1)..].Split(':');
        if (parts.Length is < 2 or > 3)
            return null;
        var seconds = 0.0;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (!double.TryParse(parts[i], last ? NumberStyles.AllowDecimalPoint : NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return null;
            seconds = (seconds * 60) + value;
        }

        return (days * 86_400) + seconds;
    }

    /// <summary>Runs <c>ps</c> (at most <paramref name="limit"/>) and parses it; null when it fails.</summary>
    public static async Task<IReadOnlyList<ProcessCpu>?> ReadAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("ps") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in Arguments)
            info.ArgumentList.Add(argument);
        try
        {
            var run = await ProbeRun.RunAsync(info, limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return run.ExitCode == 0 ? Parse(System.Text.Encoding.UTF8.GetString(run.Stdout)) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
