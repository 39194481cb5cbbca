using System.Globalization;

namespace SlmEnergyBench.Harness.Lifetime;

/// <summary>
/// Notices, within <see cref="PeriodS"/>, that the runner that started this process died, so a test program whose
/// <c>dotnet test</c> was killed (even with SIGKILL, which leaves no chance to clean up) stops instead of benchmarking on,
/// re-parented to init, with nothing on screen. It watches this process's parent and every ancestor above it that is part
/// of the .NET test runner (<c>dotnet</c>, <c>testhost</c>, <c>vstest.console</c>, MSBuild), up to the first other process
/// (the shell or IDE, which it does not watch: closing a terminal arrives as SIGHUP instead). The parent's death is seen
/// both as the parent id gone and as this process re-parented (<c>getppid</c> changed).
/// </summary>
public sealed class ParentWatchdog : IDisposable
{
    private readonly Timer _timer;
    private readonly int _parentId;
    private readonly IReadOnlyList<(int Id, string Name)> _watched;
    private readonly Action<string> _onGone;
    private int _fired;

    private ParentWatchdog(IReadOnlyList<(int Id, string Name)> watched, int parentId, Action<string> onGone, double periodS)
    {
        _watched = watched;
        _parentId = parentId;
        _onGone = onGone;
        PeriodS = periodS;
        _timer = new Timer(_ => Check(), null, TimeSpan.FromSeconds(periodS), TimeSpan.FromSeconds(periodS));
    }

    /// <summary>Seconds between checks, s.</summary>
    public double PeriodS { get; }

    /// <summary>The processes watched, nearest first, as <c>name (pid)</c>.</summary>
    public IReadOnlyList<string> Watched => [.. _watched.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Name} ({w.Id})"))];

    /// <summary>
    /// Starts watching; <paramref name="onGone"/> runs once, on a timer thread, with a sentence naming the process that died.
    /// Null on Windows (no parent tracking there yet).
    /// </summary>
    public static ParentWatchdog? Start(Action<string> onGone, double periodS = 1.0)
    {
        ArgumentNullException.ThrowIfNull(onGone);
        if (OperatingSystem.IsWindows())
            return null;
        var parent = ProcessTable.ParentOfSelf();
        var watched = new List<(int, string)>();
        // The direct parent always; above it, runner processes only, up to the first other one (the shell or IDE).
        for (var pid = parent; pid > 1 && watched.Count < 8;)
        {
            if (ProcessTable.Describe(pid) is not { } p || (watched.Count > 0 && !IsRunnerPart(p.Name)))
                break;
            watched.Add((pid, p.Name));
            if (!IsRunnerPart(p.Name))
                break;
            pid = p.ParentId;
        }

        return new ParentWatchdog(watched, parent, onGone, periodS);
    }

    /// <summary>True for the processes of a .NET test run (the ones whose death means the run was abandoned).</summary>
    internal static bool IsRunnerPart(string name) =>
        name.Contains("dotnet", StringComparison.OrdinalIgnoreCase) || name.Contains("testhost", StringComparison.OrdinalIgnoreCase)
        || name.Contains("vstest", StringComparison.OrdinalIgnoreCase) || name.Contains("msbuild", StringComparison.OrdinalIgnoreCase);

    private void Check()
    {
        if (Volatile.Read(ref _fired) == 1)
            return;
        string? why = null;
        if (ProcessTable.ParentOfSelf() != _parentId)
            why = string.Create(CultureInfo.InvariantCulture, $"the process that started this one ({Describe(_parentId)}) ended: this process was re-parented");
        else if (_watched.FirstOrDefault(w => !ProcessTable.IsAlive(w.Id)) is { Name: not null } gone)
            why = string.Create(CultureInfo.InvariantCulture, $"the test runner's process {gone.Name} ({gone.Id}) ended");
        if (why is not null && Interlocked.Exchange(ref _fired, 1) == 0)
            _onGone(why);
    }

    private string Describe(int pid) => _watched.FirstOrDefault(w => w.Id == pid) is { Name: not null } w
        ? string.Create(CultureInfo.InvariantCulture, $"{w.Name}, pid {w.Id}")
        : string.Create(CultureInfo.InvariantCulture, $"pid {pid}");

    public void Dispose() => _timer.Dispose();
}
