using System.CommandLine;
using System.Runtime.InteropServices;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Cli;

/// <summary>
/// <c>slmbench run</c>: the Energy benchmark outside a test runner, with the test suite's session code
/// (<see cref="BenchmarkSession"/>, <see cref="RunDriver"/>) and configuration (<c>energybench.json</c>,
/// <c>ENERGYBENCH_*</c> variables), writing the same run folder under <c>Results:Directory</c>.
/// </summary>
internal sealed class RunCommand(TextWriter output, TextWriter error, Func<RunHost> host)
{
    /// <summary>Exit code: the backend or the meter is not available here (or cannot start).</summary>
    public const int CannotRun = 3;

    /// <summary>Exit code: cancelled with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    private const string FromRepository = "dotnet run --project src/Cli --";

    public Command Create()
    {
        var profile = new Option<string>("--profile")
        {
            Description = "The profile of energybench.json to run (fake, synthetic, gpt4all, embedded, auto...), as ENERGYBENCH_PROFILE; "
                          + "default: ENERGYBENCH_PROFILE, else the file's DefaultProfile.",
        };
        var resume = new Option<string>("--resume")
        {
            Description = "Continue an interrupted run instead of starting a new one: its run id (a folder under results/) or 'latest', as ENERGYBENCH_RESUME. "
                          + "Give the same profile and ENERGYBENCH__ settings as the run had.",
        };
        var acceptBaseline = new Option<bool>("--accept-baseline")
        {
            Description = "Save this run as the baseline of this machine and profile (per model), as ENERGYBENCH_ACCEPT_BASELINE=1.",
        };
        var command = new Command(
            "run",
            "Runs the Energy benchmark here, outside a test runner: the same cases in the same order as 'dotnet test --filter Category=Energy', "
            + "with the same configuration (energybench.json; ENERGYBENCH__Section__Key overrides) and the same results folder "
            + "(results/<run-id>/ with run.json, cases.jsonl, samples.jsonl, summary.json and the report). In a terminal it shows a live progress display; "
            + "redirected or in CI, plain progress lines. Ctrl-C stops at the case in progress (recorded as cancelled), finishes the run's files and says how to resume. "
            + "Exit code 0 when every case passed and no model regressed, 1 when a case failed or a model regressed, 2 on bad input or configuration, "
            + "3 when the backend or meter is not available here, 130 when cancelled. "
            + $"Example: ENERGYBENCH__Prompts__Count=4 slmbench run --profile fake (from the repository: {FromRepository} run --profile fake)")
        {
            profile,
            resume,
            acceptBaseline,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(profile), parse.GetValue(resume), parse.GetValue(acceptBaseline), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string? profile, string? resume, bool acceptBaseline, CancellationToken cancellationToken)
    {
        var run = host();
        if (profile is { Length: 0 } || resume is { Length: 0 })
            return Refuse("--profile and --resume need a value (e.g. --profile fake, --resume latest).");
        LoadedConfiguration config;
        try
        {
            config = ConfigLoader.Load(run.FindRoot(), Environment(run.Environment, profile, resume, acceptBaseline));
        }
        catch (ConfigurationException e)
        {
            return Refuse(e.Message);
        }

        if (profile is not null)
            config = config with { ProfileChosenBy = ChosenByOption(config.ProfileChosenBy, profile) };

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var listening = run.ListenForCancel(cancel);
        BenchmarkSession session;
        try
        {
            session = await run.OpenSession(config, cancel.Token).ConfigureAwait(false);
        }
        catch (ConfigurationException e)
        {
            return Refuse(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"cannot create the run folder under {config.Resolve(config.Options.Results.Directory)} (Results:Directory): {e.Message}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            error.WriteLine("slmbench: cancelled before the run started; nothing was measured.");
            return Cancelled;
        }

        await using (session.ConfigureAwait(false))
        {
            if (session.SkipReason is { } skip)
            {
                error.WriteLine($"slmbench: cannot run here: {skip}");
                return CannotRun;
            }

            if (session.FatalError is { } fatal)
            {
                error.WriteLine($"slmbench: {session.Header} {fatal}");
                // A meter that did not start (the run folder exists), a refusal to run as root or another run holding the
                // machine: not this input's fault.
                return session.Results is not null || fatal == BenchmarkSession.RootRefusal || fatal.StartsWith(RunLock.RefusalStart, StringComparison.Ordinal)
                    ? CannotRun
                    : CliApp.BadInput;
            }

            // Ctrl-C is handled above (the case in progress is cancelled, the files finished); SIGTERM and SIGHUP (the terminal
            // closed) record "interrupted" in run.json, stop the meter and end the process.
            using var guard = new RunGuard(session, watchRunner: false, handleSignals: false);
            using var signals = new StopSignals((signal, name) => guard.Stop($"interrupted: {name}", StopSignals.ExitCode(signal)), [PosixSignal.SIGTERM, PosixSignal.SIGHUP]);

            var display = run.Console.Profile.Capabilities is { Interactive: true, Ansi: true }
                ? (IRunDisplay)new LiveRunDisplay(run.Console)
                : new PlainRunDisplay(output, error);
            session.Observer = new TeeObserver(display, run.Observer);
            var driver = new RunDriver(session) { CaseStarting = display.CaseStarting, ModelCompleted = display.ModelCompleted };
            RunResult result;
            try
            {
                // The header, then the machine's state at the start (as the test suite prints them).
                var header = session.MachineStateLine is { } machine ? session.Header + System.Environment.NewLine + machine : session.Header;
                result = await display.ShowAsync(header, CasePlan.Count(config.Options), () => driver.RunAsync(cancel.Token)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"slmbench: the run stopped: {e.Message}. The cases recorded before it are in {session.Results!.Directory}.");
                return CliApp.WorseOrFailed;
            }

            var ending = RunEnding.Lines(result, ResumeCommand(config, run.Environment, profile, result.RunId, "slmbench"),
                ResumeCommand(config, run.Environment, profile, result.RunId, FromRepository));
            // The harness's own cost, measured when the run's files were finished, before the report's path (the last line).
            display.End(session.HarnessCostLine is { } cost ? [.. ending.SkipLast(1), cost, ending[^1]] : ending);
            return result.Cancelled ? Cancelled : result.AllPassed ? CliApp.Success : CliApp.WorseOrFailed;
        }
    }

    private int Refuse(string message)
    {
        error.WriteLine($"slmbench: {message}");
        return CliApp.BadInput;
    }

    /// <summary>The process's variables with the options laid over them, as the test suite would read them.</summary>
    private static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?> environment, string? profile, string? resume, bool acceptBaseline)
    {
        var result = new Dictionary<string, string?>(environment, StringComparer.OrdinalIgnoreCase);
        if (profile is not null)
            result[ConfigLoader.ProfileVariable] = profile;
        if (resume is not null)
            result[ConfigLoader.ResumeVariable] = resume;
        if (acceptBaseline)
            result[ConfigLoader.AcceptBaselineVariable] = "1";
        return result;
    }

    /// <summary>Says <c>--profile NAME</c> where the loader, which read it as <c>ENERGYBENCH_PROFILE</c>, says the variable.</summary>
    private static string ChosenByOption(string chosenBy, string profile)
    {
        var variable = $"{ConfigLoader.ProfileVariable}={profile}";
        return chosenBy.StartsWith(variable, StringComparison.Ordinal) ? "--profile " + profile + chosenBy[variable.Length..] : chosenBy;
    }

    /// <summary>
    /// The shell command that continues the run, with the variables and the profile option that shaped it:
    /// e.g. <c>ENERGYBENCH__Prompts__Count=4 slmbench run --profile fake --resume 20261130-194900-fake</c>.
    /// </summary>
    private static string ResumeCommand(LoadedConfiguration config, IReadOnlyDictionary<string, string?> environment, string? profile, string runId, string program)
    {
        var variables = new List<string>(config.Overrides);
        if (profile is null && environment.TryGetValue(ConfigLoader.ProfileVariable, out var fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
            variables.Insert(0, $"{ConfigLoader.ProfileVariable}={fromEnvironment}");
        var prefix = string.Concat(variables.Select(v => ShellWord(v) + " "));
        return $"{prefix}{program} run" + (profile is null ? "" : $" --profile {ShellWord(profile)}") + $" --resume {runId}";
    }

    /// <summary><paramref name="word"/> as a POSIX shell reads it back: as is when plain, else its value in single quotes.</summary>
    private static string ShellWord(string word)
    {
        static bool Plain(string s) => s.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:,+@%".Contains(c, StringComparison.Ordinal));
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        var (name, value) = equals > 0 && Plain(word[..equals]) ? (word[..(equals + 1)], word[(equals + 1)..]) : ("", word);
        return Plain(value) ? word : name + "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
