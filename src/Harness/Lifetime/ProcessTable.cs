using System.Diagnostics;
using System.Globalization;

namespace SlmEnergyBench.Harness.Lifetime;

/// <summary>
/// What the OS says about processes, without privileges: a process's parent and name (Linux: <c>/proc/PID/stat</c>;
/// macOS: <c>ps -o ppid=,comm=</c>) and whether it still runs (a zombie counts as gone).
/// </summary>
internal static class ProcessTable
{
    /// <summary>This process's parent id (<c>getppid(2)</c>): it changes when the parent dies and the child is re-parented.</summary>
    public static int ParentOfSelf() => OperatingSystem.IsWindows() ? -1 : Native.LibC.GetParentPid();

    /// <summary>The parent id and command name of <paramref name="pid"/>, or null when it does not run.</summary>
    public static (int ParentId, string Name)? Describe(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = ReadStat(pid);
            return stat is null ? null : (stat.Value.ParentId, stat.Value.Name);
        }

        try
        {
            using var ps = Process.Start(new ProcessStartInfo("ps", ["-o", "ppid=,comm=", "-p", pid.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            var line = ps?.StandardOutput.ReadToEnd().Trim();
            ps?.WaitForExit();
            if (string.IsNullOrEmpty(line))
                return null;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? null : (int.Parse(line[..space], CultureInfo.InvariantCulture), Path.GetFileName(line[(space + 1)..].Trim()));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>True while <paramref name="pid"/> runs (not exited, not a zombie waiting to be reaped).</summary>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
            return ReadStat(pid) is { State: not 'Z' and not 'X' };
        return !OperatingSystem.IsWindows() && Native.LibC.Kill(pid, 0) == 0;
    }

    private static (int ParentId, string Name, char State)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the LAST ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
            return null;
        var rest = text[(close + 2)..].Split(' ');
        return rest.Length < 2 ? null : (int.Parse(rest[1], CultureInfo.InvariantCulture), text[(open + 1)..close], rest[0][0]);
    }
}
