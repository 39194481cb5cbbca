using System.Text.Json;
using SlmEnergyBench.Cli;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Unit.Configuration;
using SlmEnergyBench.Unit.Suite;
using Spectre.Console.Testing;

namespace SlmEnergyBench.Unit.Cli;

/// <summary>
/// A throw-away copy of the repository's settings for <c>slmbench run</c> in process: <c>energybench.json</c> and the
/// fake profile's fixtures (its prompts, the fake powermetrics, which a run labels simulated because it lies under the
/// repository's <c>fixtures/</c>); 2 prompts of 2 models, short answers, no idle measurement; results under its own
/// <c>results/</c>, baselines under its own <c>fixtures/baselines/</c>.
/// </summary>
internal sealed class FakeRunRepository : IDisposable
{
    private static readonly string[] Fixtures = ["prompts", "fake-powermetrics"];

    private readonly TempRepository _repository = TempRepository.WithRealConfig();

    public FakeRunRepository()
    {
        foreach (var folder in Fixtures)
        {
            var to = Directory.CreateDirectory(Path.Combine(Root, "fixtures", folder)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(TestRepository.Root, "fixtures", folder)))
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        Environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ENERGYBENCH__Models"] = $"{FakeProfileModels.Small},{FakeProfileModels.Medium}",
            ["ENERGYBENCH__Prompts__Count"] = "2",
            ["ENERGYBENCH__Results__MachineLock"] = Path.Combine(Root, "machine.lock"),
            ["ENERGYBENCH__Generation__MaxTokens"] = "64",
            ["ENERGYBENCH__Protocol__PauseMs"] = "0",
            ["ENERGYBENCH__Protocol__IdleSeconds"] = "0",
            // The in-process fake server answers its probe in milliseconds, but a loaded 2-core CI machine has taken over 3 s.
            ["ENERGYBENCH__Backend__ProbeTimeoutSeconds"] = "30",
        };
    }

    public string Root => _repository.Root;

    /// <summary>The variables the run sees (no ENERGYBENCH_PROFILE: tests give <c>--profile fake</c> or set it).</summary>
    public Dictionary<string, string?> Environment { get; }

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    /// <summary>The live display's terminal; not interactive unless a test makes it so.</summary>
    public TestConsole Console { get; } = new();

    /// <summary>Cancels the run's token: what Ctrl-C does (set once the run listens).</summary>
    public CancellationTokenSource? CtrlC { get; private set; }

    /// <summary>Also hears the run (a test cancels from it).</summary>
    public IRunObserver? Observer { get; set; }

    /// <summary>Opens the session instead of <see cref="BenchmarkSession.OpenAsync(LoadedConfiguration, CancellationToken)"/> when set.</summary>
    public Func<LoadedConfiguration, CancellationToken, Task<BenchmarkSession>>? OpenSession { get; set; }

    /// <summary>Runs <c>slmbench</c> with <paramref name="args"/> in this repository; returns the exit code.</summary>
    public Task<int> RunAsync(params string[] args)
    {
        var host = new RunHost
        {
            Environment = new Dictionary<string, string?>(Environment, StringComparer.OrdinalIgnoreCase),
            FindRoot = () => Root,
            Console = Console,
            ListenForCancel = source =>
            {
                CtrlC = source;
                return new CancellationTokenRegistration();
            },
            Observer = Observer,
            OpenSession = OpenSession ?? BenchmarkSession.OpenAsync,
        };
        return CliApp.Build(Output, Error, run => RunReport.Paths(RunReport.Write(run)), host: host).RunAsync(args, TestContext.Current.CancellationToken);
    }

    /// <summary>The run folders under <c>results/</c>.</summary>
    public IReadOnlyList<string> RunFolders() =>
        Directory.Exists(Path.Combine(Root, "results")) ? [.. Directory.GetDirectories(Path.Combine(Root, "results")).Order(StringComparer.Ordinal)] : [];

    /// <summary>The only run folder.</summary>
    public string RunFolder => RunFolders().Should().ContainSingle().Subject;

    /// <summary>The run's <c>run.json</c>.</summary>
    public static JsonElement Manifest(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json"))).RootElement;

    /// <summary>The run's case records, in the order written.</summary>
    public static IReadOnlyList<JsonElement> Cases(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "cases.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];

    /// <summary>The output's lines.</summary>
    public IReadOnlyList<string> OutputLines() => Output.ToString().Split(System.Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        Output.Dispose();
        Error.Dispose();
        Console.Dispose();
        _repository.Dispose();
    }
}
