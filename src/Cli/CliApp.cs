using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.SeedStudy;

namespace SlmEnergyBench.Cli;

/// <summary>
/// The <c>slmbench</c> command line: <c>run</c>, <c>servers</c>, <c>report</c>, <c>compare</c>, <c>merge</c> and <c>import-seed</c>. Output and errors go
/// to the writers given (and <c>run</c>'s live display to <see cref="RunHost.Console"/>), so tests run it in process.
/// Exit codes: 0 success; 1 <c>compare</c> found a model worse or lost by run B, <c>run</c> had a failed case or a model
/// that regressed (or the report could not be made); 2 bad input (a missing or unreadable run folder or file, a bad option,
/// an invalid configuration); 3 <c>run</c> cannot run here (backend or meter not available); 130 <c>run</c> was cancelled.
/// </summary>
public sealed class CliApp
{
    public const int Success = 0;
    public const int WorseOrFailed = 1;
    public const int BadInput = 2;

    private const string DefaultResults = "results";

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly Func<RunData, IReadOnlyList<string>> _writeReport;
    private readonly TimeProvider _time;
    private readonly Func<RunHost> _host;

    private CliApp(TextWriter output, TextWriter error, Func<RunData, IReadOnlyList<string>> writeReport, TimeProvider time, Func<RunHost> host)
    {
        _output = output;
        _error = error;
        _writeReport = writeReport;
        _time = time;
        _host = host;
        Root = BuildRoot();
    }

    /// <summary>The command tree, for its help text.</summary>
    public RootCommand Root { get; }

    /// <summary>
    /// Builds the app. <paramref name="writeReport"/> makes the report files of one run, already read, and returns the paths it
    /// wrote; <paramref name="time"/> stamps imported runs (the system clock when null); <paramref name="host"/> is what
    /// <c>run</c> takes from the process (<see cref="RunHost.ForThisProcess"/> when null).
    /// </summary>
    public static CliApp Build(TextWriter output, TextWriter error, Func<RunData, IReadOnlyList<string>> writeReport, TimeProvider? time = null, RunHost? host = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(writeReport);
        return new CliApp(output, error, writeReport, time ?? TimeProvider.System, host is null ? RunHost.ForThisProcess : () => host);
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code. Ctrl-C is <c>run</c>'s own to handle (<see cref="RunHost.ListenForCancel"/>).</summary>
    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var parse = Root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
                _error.WriteLine($"slmbench: {error.Message}");
            _error.WriteLine("Run 'slmbench --help' (or 'slmbench <command> --help') to see the commands and their arguments.");
            return Task.FromResult(BadInput);
        }

        // ProcessTerminationTimeout null: System.CommandLine must not end the process 2 s after Ctrl-C, while a run is
        // still writing its files.
        return parse.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
            cancellationToken);
    }

    private RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "slmbench is SlmEnergyBench's command line. It runs the benchmark outside a test runner (run), and works on the results of "
            + "benchmark runs: it turns a run folder (results/<run-id>/ with run.json, cases.jsonl, samples.jsonl) into charts and a report, "
            + "compares two runs model by model, merges runs of several machines into one report, and imports the original seed study's results as a run folder.\n"
            + "The benchmark also runs as tests, with 'dotnet test --filter Category=Energy' (ENERGYBENCH_PROFILE=fake for the simulated one); "
            + "both write a new folder under results/.\n"
            + "Examples: slmbench run --profile fake; slmbench report results/20261126-193527-fake; from the repository: dotnet run --project src/Cli -- report results/20261126-193527-fake");
        root.SetAction(parse => new HelpAction().Invoke(parse));
        root.Subcommands.Add(new RunCommand(_output, _error, _host).Create());
        root.Subcommands.Add(new ServersCommand(_output, _error, _host).Create());
        root.Subcommands.Add(ReportCommand());
        root.Subcommands.Add(CompareCommand());
        root.Subcommands.Add(new MergeCommand(_output, _error, _time, Guard).Create());
        root.Subcommands.Add(ImportSeedCommand());
        return root;
    }

    private static Option<string> ResultsOption(string description) => new("--results")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultResults,
    };

    private static Option<string> LookupResultsOption() =>
        ResultsOption("The results folder where a run id is looked up (default: results). Not needed when you give a run folder.");

    private Command ReportCommand()
    {
        var run = new Argument<string>("run") { Description = "A run folder (results/20261126-193527-fake) or a run id under --results (20261126-193527-fake)." };
        var results = LookupResultsOption();
        var command = new Command(
            "report",
            "Makes the report of one run. Reads the run folder (run.json, cases.jsonl, samples.jsonl); writes report.html, report.md, cases.csv "
            + "and the charts (charts/) into that folder, prints the run's warnings (e.g. a truncated last line of cases.jsonl) and the paths written. Example: slmbench report results/20261126-193527-fake "
            + "(or: dotnet run --project src/Cli -- report 20261126-193527-fake --results results)")
        {
            run,
            results,
        };
        command.SetAction(parse => Guard(() =>
        {
            var directory = RunFolders.Resolve(parse.GetRequiredValue(run), parse.GetRequiredValue(results));
            var data = RunDataReader.Read(directory);
            WriteWarnings(data.Warnings);
            WriteReport(data);
            return Success;
        }));
        return command;
    }

    private Command CompareCommand()
    {
        var runA = new Argument<string>("runA") { Description = "The reference run A: a run folder or a run id under --results." };
        var runB = new Argument<string>("runB") { Description = "The run B compared with A: a run folder or a run id under --results." };
        // compare sets two runs against each other; a third is answered by pointing to merge rather than a parse error.
        var more = new Argument<string[]>("more") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var results = LookupResultsOption();
        var threshold = new Option<double>("--threshold")
        {
            Description = "Practical threshold: worse means more than this fraction worse (0.05 = 5%), as Regression:Threshold.",
            DefaultValueFactory = _ => 0.05,
        };
        var alpha = new Option<double>("--alpha")
        {
            Description = "Significance level of the paired Wilcoxon signed-rank test, as Regression:Alpha.",
            DefaultValueFactory = _ => 0.01,
        };
        var command = new Command(
            "compare",
            "Compares run B with run A, model by model. Reads both run folders; writes nothing, prints a Markdown table of energy (total joules) "
            + "and latency per model: ratio B / A over the prompts both runs passed, its 95% interval and a verdict (better, same, worse, NA, lost). "
            + "A model of A that B lacks or never passed is lost; different meters make energy NA but latency is still compared. "
            + "Exit code 0 when no model is worse or lost, 1 when any model is worse or lost, 2 on bad input. For more than two runs, use merge. "
            + "Example: slmbench compare results/20261126-193527-fake results/20261127-101500-fake")
        {
            runA,
            runB,
            more,
            results,
            threshold,
            alpha,
        };
        command.SetAction(parse => Guard(() =>
        {
            if (parse.GetValue(more) is { Length: > 0 } extra)
            {
                string[] all = [parse.GetRequiredValue(runA), parse.GetRequiredValue(runB), .. extra];
                _error.WriteLine($"slmbench: compare sets run B against run A, two runs; {all.Length} given. For one report of several runs (one per machine), use: "
                                 + $"slmbench merge {string.Join(' ', all)}");
                return BadInput;
            }

            var options = new RegressionOptions { Threshold = parse.GetValue(threshold), Alpha = parse.GetValue(alpha) };
            if (!(options.Threshold >= 0) || !(options.Alpha > 0 && options.Alpha < 1))
            {
                _error.WriteLine($"slmbench: --threshold must be 0 or more (given {options.Threshold}) and --alpha between 0 and 1 exclusive (given {options.Alpha}).");
                return BadInput;
            }

            var resultsDirectory = parse.GetRequiredValue(results);
            var a = RunDataReader.Read(RunFolders.Resolve(parse.GetRequiredValue(runA), resultsDirectory));
            var b = RunDataReader.Read(RunFolders.Resolve(parse.GetRequiredValue(runB), resultsDirectory));
            WriteWarnings([.. a.Warnings, .. b.Warnings]);
            var comparisons = RunComparison.Compare(a, b, options);
            _output.Write(RunComparisonText.Markdown(a, b, comparisons, options));
            return comparisons.Any(c => c.IsRegression) ? WorseOrFailed : Success;
        }));
        return command;
    }

    private Command ImportSeedCommand()
    {
        var file = new Argument<string>("results_i.json") { Description = "The seed study's raw results file, e.g. ../shared/seed-study/results_0.json." };
        var model = new Option<string>("--model")
        {
            Description = "The model the file holds (the study's files name none).",
            DefaultValueFactory = _ => SeedStudyImport.DefaultModel,
        };
        var results = ResultsOption("The results folder where the new run folder is created (default: results; made if missing).");
        var command = new Command(
            "import-seed",
            "Imports the original seed study's results_<i>.json as a new run folder. Reads the study's file; writes a new folder "
            + "<results>/<time>-seed-import/ (run.json, cases.jsonl, samples.jsonl, seed-analysis.json; never overwrites), prints the study's figures "
            + "beside this project's and how the missing sample times were inferred, then makes its report. "
            + "Example: slmbench import-seed ../shared/seed-study/results_0.json --model \"Llama 3.2 1B Instruct\"")
        {
            file,
            model,
            results,
        };
        command.SetAction(parse => Guard(() =>
        {
            var resultsFile = parse.GetRequiredValue(file);
            if (Directory.Exists(resultsFile))
                throw new RunDataException($"{resultsFile} is a folder; give the study's results_<i>.json file (e.g. {Path.Combine(resultsFile, "results_0.json")}).");
            var resultsRoot = RunFolders.UsableResults(parse.GetRequiredValue(results));
            var directory = SeedStudyImport.Import(resultsFile, resultsRoot, parse.GetRequiredValue(model), _time);
            var run = RunDataReader.Read(directory);
            WriteWarnings(run.Warnings);
            _output.WriteLine($"Imported {run.Cases.Count} records of {run.Manifest.Configuration.Models[0]} into {directory}");
            _output.WriteLine();
            _output.Write(SeedStudyText.Of(run.SeedAnalysis!));
            _output.WriteLine();
            _output.WriteLine(SeedStudyTimeline.InferredTimesStatement);
            _output.WriteLine();
            WriteReport(run);
            return Success;
        }));
        return command;
    }

    private void WriteWarnings(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
            _error.WriteLine($"warning: {warning}");
    }

    private void WriteReport(RunData run)
    {
        var written = _writeReport(run);
        _output.WriteLine($"Report of {run.Directory}:");
        foreach (var path in written)
            _output.WriteLine($"  {path}");
        var html = written.FirstOrDefault(p => string.Equals(Path.GetFileName(p), "report.html", StringComparison.OrdinalIgnoreCase));
        if (html is not null)
            _output.WriteLine($"Open {html}");
    }

    /// <summary>
    /// Turns bad input (and a file or folder that cannot be read or written) into one message on stderr and exit code 2,
    /// without a stack trace; a report writer that cannot run into exit code 1.
    /// </summary>
    private int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is RunDataException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _error.WriteLine($"slmbench: {e.Message}");
            return BadInput;
        }
        catch (NotSupportedException e)
        {
            _error.WriteLine($"slmbench: cannot make the report: {e.Message}");
            return WorseOrFailed;
        }
    }
}
