using System.Diagnostics;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// How powermetrics is launched: the resolved command, the sudo prefix (split on spaces; its first word
/// is resolved against the repository root only when it contains a '/'), the arguments, and the
/// messages that tell a user what to fix.
/// </summary>
internal sealed class PowermetricsCommand
{
    /// <summary>Apple's tool; it exists only on macOS.</summary>
    public const string RealCommand = "/usr/bin/powermetrics";

    /// <summary>What powermetrics writes on stderr (and exits 1) when an ordinary user starts it without sudo.</summary>
    public const string NotRootMessage = "must be invoked as the superuser";

    private readonly string[] _prefix;
    private readonly IReadOnlyDictionary<string, string>? _environment;

    public PowermetricsCommand(MeterOptions options, string repositoryRoot, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Path = RepositoryPaths.Resolve(repositoryRoot, options.Command);
        var fixtures = System.IO.Path.GetFullPath(System.IO.Path.Combine(repositoryRoot, "fixtures")) + System.IO.Path.DirectorySeparatorChar;
        IsShippedFake = System.IO.Path.GetFullPath(Path).StartsWith(fixtures, StringComparison.Ordinal);
        _prefix = options.SudoPrefix.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (_prefix.Length > 0 && _prefix[0].Contains('/', StringComparison.Ordinal))
            _prefix[0] = RepositoryPaths.Resolve(repositoryRoot, _prefix[0]);
        _environment = environment;
    }

    public MeterOptions Options { get; }

    /// <summary>The powermetrics executable, absolute.</summary>
    public string Path { get; }

    public bool HasSudoPrefix => _prefix.Length > 0;

    /// <summary>
    /// True when the command is a stand-in that the suite ships (under the repository's <c>fixtures/</c>, e.g. the
    /// <c>fake</c> profile's <c>fixtures/fake-powermetrics/powermetrics</c>): its figures are simulated, never measured.
    /// </summary>
    public bool IsShippedFake { get; }

    /// <summary>Arguments of the long-running stream.</summary>
    public string[] StreamArguments =>
        ["--samplers", Options.Samplers, "-i", Options.IntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "plist"];

    /// <summary>Arguments of a one-sample probe.</summary>
    public string[] ProbeArguments => ["-n", "1", .. StreamArguments];

    public string Describe(IEnumerable<string> arguments) => string.Join(' ', [.. _prefix, Path, .. arguments]);

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo
        {
            FileName = _prefix.Length > 0 ? _prefix[0] : Path,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var word in _prefix.Skip(1))
            info.ArgumentList.Add(word);
        if (_prefix.Length > 0)
            info.ArgumentList.Add(Path);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in _environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }

    /// <summary>Checks that need no process: the platform and the file. Null when nothing is wrong.</summary>
    public string? StaticProblem()
    {
        if (!OperatingSystem.IsMacOS() && Path == RealCommand)
            return $"powermetrics exists only on macOS ({RealCommand}); this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. For CI use profile `fake`, whose fake powermetrics streams the same plist format.";
        if (!File.Exists(Path))
        {
            return $"powermetrics command not found: {Path} (Meter:Command = '{Options.Command}'). Set Meter:Command to the powermetrics executable " +
                   $"({RealCommand} on macOS; profile fake's stand-in is fixtures/fake-powermetrics/powermetrics: restore it with git checkout if it was deleted).";
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
            return $"powermetrics command is not executable: {Path} (Meter:Command = '{Options.Command}'): make it executable with chmod +x {Path}.";
        return null;
    }

    /// <summary>
    /// When stderr shows that powermetrics did not run as root (sudo wanted a password, or powermetrics was started
    /// without sudo and said it <see cref="NotRootMessage"/>), what to do about it; otherwise null.
    /// </summary>
    public string? PrivilegeHint(string stderr)
    {
        if (stderr.Contains(NotRootMessage, StringComparison.OrdinalIgnoreCase))
        {
            var prefix = HasSudoPrefix
                ? $"the sudo prefix '{Options.SudoPrefix}' (Meter:SudoPrefix) did not make it root"
                : "it was started without a sudo prefix (Meter:SudoPrefix is empty)";
            return $"powermetrics must run as root, and {prefix}: it said '{stderr.Trim().ReplaceLineEndings(" | ")}'. Set Meter:SudoPrefix = 'sudo -n' "
                + $"(the default) and allow powermetrics without a password with {SudoersRule()} Never run the suite itself as root.";
        }

        if (!stderr.Contains("password is required", StringComparison.OrdinalIgnoreCase)
            && !stderr.Contains("a terminal is required", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"sudo would prompt for a password, which a test run must never do. Allow powermetrics without a password with {SudoersRule()}";
    }

    private string SudoersRule() =>
        $"a sudoers rule (sudo visudo -f /etc/sudoers.d/powermetrics): `{Environment.UserName} ALL = (root) NOPASSWD: {Path}`, "
        + $"then check it with `sudo -n {(Path == RealCommand ? "powermetrics" : Path)} -n 1 -i 100 --samplers cpu_power`.";
}
