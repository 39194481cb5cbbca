using System.Diagnostics;
using System.Globalization;

namespace SlmEnergyBench.Harness.Lifetime;

/// <summary>
/// Makes sure a child process (a meter such as powermetrics or its stand-in) never outlives the process that started
/// it, whatever kills that one (SIGKILL included, which runs no finalizer and no handler): a tiny <c>/bin/sh</c> loop,
/// started beside the child, checks every second that both still run; when the parent is gone it sends the child
/// SIGTERM, then SIGKILL after 2 s. It ends by itself when the child ends. A child that runs as root under sudo cannot be
/// signalled by it; such a child (powermetrics) writes to a pipe whose reader died, so it ends on SIGPIPE at its next sample.
/// </summary>
public static class ChildWatchdog
{
    /// <summary>The watchdog's shell script: $1 the parent to follow, $2 the child to stop.</summary>
    internal const string Script =
        "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done; " +
        "if kill -0 \"$2\" 2>/dev/null; then kill -TERM \"$2\" 2>/dev/null; sleep 2; kill -KILL \"$2\" 2>/dev/null; fi";

    /// <summary>
    /// Starts the watchdog for <paramref name="child"/> following this process. Returns its process (callers need not
    /// keep it: it ends with the child), or null on Windows or when <c>/bin/sh</c> cannot be started.
    /// </summary>
    public static Process? Guard(Process child) => Guard(child.Id, Environment.ProcessId);

    /// <summary>As <see cref="Guard(Process)"/>, for any parent id (tests follow a parent they can kill).</summary>
    public static Process? Guard(int childId, int parentId)
    {
        if (OperatingSystem.IsWindows())
            return null;
        try
        {
            return Process.Start(new ProcessStartInfo("/bin/sh",
                ["-c", Script, "slmbench-watchdog", parentId.ToString(CultureInfo.InvariantCulture), childId.ToString(CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
                RedirectStandardInput = false,
                RedirectStandardOutput = false,
                RedirectStandardError = false,
            });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
