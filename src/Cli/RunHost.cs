using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Discovery;
using SlmEnergyBench.Harness.Suite;
using Spectre.Console;

namespace SlmEnergyBench.Cli;

/// <summary>
/// What <c>slmbench run</c> takes from the process it runs in: the environment (<c>ENERGYBENCH_*</c> variables), the
/// repository root, the terminal and Ctrl-C. <see cref="ForThisProcess"/> is the real one; tests give their own.
/// </summary>
public sealed record RunHost
{
    /// <summary>The environment variables the configuration is loaded with (<see cref="ConfigLoader.Load(string, IReadOnlyDictionary{string, string?}, IAutoProbe?)"/>).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>The folder holding <c>energybench.json</c>; throws <see cref="ConfigurationException"/> when there is none.</summary>
    public required Func<string> FindRoot { get; init; }

    /// <summary>The terminal of the live display, used only when it is interactive and understands ANSI sequences.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Opens the session of a configuration (<see cref="BenchmarkSession.OpenAsync(LoadedConfiguration, CancellationToken)"/>).</summary>
    public Func<LoadedConfiguration, CancellationToken, Task<BenchmarkSession>> OpenSession { get; init; } = BenchmarkSession.OpenAsync;

    /// <summary>
    /// Starts cancelling the given source on Ctrl-C until the returned handle is disposed. The real one
    /// (<see cref="CancelOnCtrlC"/>) keeps the process alive on the first press and lets a second press end it.
    /// </summary>
    public Func<CancellationTokenSource, IDisposable> ListenForCancel { get; init; } = CancelOnCtrlC.Listen;

    /// <summary>Finds the inference servers on this machine for <c>slmbench servers</c> (tests give one asking their stand-ins' ports).</summary>
    public ServerDiscovery Discovery { get; init; } = ServerDiscovery.Shared;

    /// <summary>Also hears every finished case and warning, after the display (tests cancel a run from it).</summary>
    public IRunObserver? Observer { get; init; }

    /// <summary>
    /// This process: its environment, the repository found from the current folder (or the app's), the console (never
    /// interactive when standard output is redirected; Spectre.Console also knows the usual CI servers).
    /// </summary>
    public static RunHost ForThisProcess() => new()
    {
        Environment = ConfigLoader.ReadEnvironment(),
        FindRoot = () => RepositoryPaths.FindRoot(),
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Interactive = System.Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            Ansi = System.Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        }),
    };
}
