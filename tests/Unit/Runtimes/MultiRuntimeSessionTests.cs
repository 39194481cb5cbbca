using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Runtimes;

/// <summary>
/// A run of two runtimes (profile <c>fake-runtimes</c> with two fake GPT4All servers as its runtimes, the second at half the speed, asked for the small
/// model by its file name) measured by a scripted 12 W meter: each runtime x model is its own unit, named runtime / model, requested by
/// the runtime's own name, summarised apart, and set side by side in the report.
/// </summary>
public sealed class MultiRuntimeSessionTests : IDisposable
{
    private const string Small = "Llama 3.2 1B Instruct";
    private const string Medium = "Llama 3.2 3B Instruct";
    private const string SmallFile = "Llama-3.2-1B-Instruct-Q4_0.gguf";
    private readonly string _results = Directory.CreateTempSubdirectory("multi-runtime-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Configuration.TempRepository _repository = TwoGpt4AllRuntimes();

    public void Dispose()
    {
        _repository.Dispose();
        Directory.Delete(_results, recursive: true);
    }

    /// <summary>The real file's profile <c>fake-runtimes</c> with its runtimes replaced by two fake GPT4All ones, the second a copy named gpt4all-slow.</summary>
    private static Configuration.TempRepository TwoGpt4AllRuntimes()
    {
        var file = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root, "energybench.json")))!;
        var profile = file["Profiles"]!["fake-runtimes"]!;
        var gpt4All = profile["Runtimes"]!.AsArray().First(r => r!["Backend"]!["Kind"]!.GetValue<string>() == BackendKinds.FakeGpt4All)!;
        var slow = gpt4All.DeepClone();
        slow["Name"] = "gpt4all-slow";
        profile["Runtimes"] = new System.Text.Json.Nodes.JsonArray(gpt4All.DeepClone(), slow);
        return new Configuration.TempRepository(file.ToJsonString());
    }

    private LoadedConfiguration Load(params (string Key, string Value)[] more) => ConfigLoader.Load(_repository.Root, new Dictionary<string, string?>
    {
        ["ENERGYBENCH_PROFILE"] = "fake-runtimes",
        ["ENERGYBENCH__Results__Directory"] = _results,
        ["ENERGYBENCH__Results__MachineLock"] = Path.Combine(_results, "machine.lock"),
        ["ENERGYBENCH__Prompts__Source"] = Path.Combine(TestRepository.Root, "fixtures", "prompts", "alpaca-sample.json"),
        ["ENERGYBENCH__Prompts__Count"] = "2",
        ["ENERGYBENCH__Protocol__PauseMs"] = "0",
        ["ENERGYBENCH__Protocol__IdleSeconds"] = "0",
        ["ENERGYBENCH__Runtimes__1__Fake__SpeedFactor"] = "0.5",
        ["ENERGYBENCH__Runtimes__1__ModelNames__" + Small] = SmallFile,
    }.Concat(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value))).ToDictionary());

    private async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config)
    {
        var clock = new SessionClock();
        var owned = new List<IDisposable>();
        var busy = Path.Combine(_results, "busy.txt");
        var backends = config.Options.Runtimes.Select(r => BackendFactory.Create(r.Backend, r.Fake ?? config.Options.Fake, config, clock, busy, r.Name, owned)).ToList();
        return await BenchmarkSession.OpenAsync(config, clock, backends, (_, _) => Task.FromResult(new MeterChoice(FakeSessions.Meter(clock), "scripted for the test")), owned, _ct);
    }

    [Fact]
    public async Task RunAsync_TwoRuntimes_EachUnitRequestedByItsRuntimesNameAndSummarizedApart()
    {
        // Arrange
        await using var session = await OpenAsync(Load());
        var started = new List<string>();
        var driver = new RunDriver(session) { CaseStarting = c => started.Add(c.DisplayName) };

        // Act
        var result = await driver.RunAsync(_ct);

        // Assert
        started.Should().Equal(
            $"Energy: gpt4all / {Small} / prompt 1 of 2", $"Energy: gpt4all / {Small} / prompt 2 of 2",
            $"Energy: gpt4all / {Medium} / prompt 1 of 2", $"Energy: gpt4all / {Medium} / prompt 2 of 2",
            $"Energy: gpt4all-slow / {Small} / prompt 1 of 2", $"Energy: gpt4all-slow / {Small} / prompt 2 of 2",
            $"Energy: gpt4all-slow / {Medium} / prompt 1 of 2", $"Energy: gpt4all-slow / {Medium} / prompt 2 of 2");
        result.Should().BeEquivalentTo(new { Planned = 8, Passed = 8, Failed = 0 });
        var run = RunDataReader.Read(result.Directory);
        run.Cases.Select(c => (c.Runtime, c.Model, c.Completion!.RequestedModel)).Should().Equal(
            ("gpt4all", Small, Small), ("gpt4all", Small, Small), ("gpt4all", Medium, Medium), ("gpt4all", Medium, Medium),
            ("gpt4all-slow", Small, SmallFile), ("gpt4all-slow", Small, SmallFile), ("gpt4all-slow", Medium, Medium), ("gpt4all-slow", Medium, Medium));
        run.Summary.Models.Select(m => (m.Model, m.Runtime, m.ModelName)).Should().Equal(
            ($"gpt4all / {Small}", "gpt4all", Small), ($"gpt4all / {Medium}", "gpt4all", Medium),
            ($"gpt4all-slow / {Small}", "gpt4all-slow", Small), ($"gpt4all-slow / {Medium}", "gpt4all-slow", Medium));
        run.Manifest.Runtimes!.Select(r => (r.Name, r.Kind, r.ModelNames[Small])).Should().Equal(("gpt4all", "fake-gpt4all", Small), ("gpt4all-slow", "fake-gpt4all", SmallFile));

        // The slow runtime's fake decodes at half the speed: its tokens/s is about half the fast one's (the fake's prefill and HTTP add a little).
        double Speed(string runtime) => run.Cases.Where(c => c.Runtime == runtime && c.Model == Medium).Average(c => c.TokensPerSecond!.Value);
        (Speed("gpt4all-slow") / Speed("gpt4all")).Should().BeInRange(0.40, 0.55);
    }

    [Fact]
    public async Task Report_TwoRuntimes_SideBySideJoulesPerTokenIsEachUnitsSumOfJoulesOverItsSumOfTokens()
    {
        // Arrange
        await using var session = await OpenAsync(Load());
        var result = await new RunDriver(session).RunAsync(_ct);
        var run = RunDataReader.Read(result.Directory);

        // Act
        var table = RuntimeTables.SideBySide(run)!;

        // Assert: J/token computed here from the records, 12 W x each window (the scripted meter), over the records' tokens.
        table.Rows.Select(r => (r[0], r[1])).Should().Equal((Small, "gpt4all"), (Small, "gpt4all-slow"), (Medium, "gpt4all"), (Medium, "gpt4all-slow"));
        foreach (var row in table.Rows)
        {
            var cases = run.Cases.Where(c => c.Model == row[0] && c.Runtime == row[1]).ToList();
            var joules = cases.Sum(c => 12 * (c.Completion!.EndS - c.Completion.StartS));
            var tokens = cases.Sum(c => c.Completion!.CompletionTokens!.Value);
            double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(joules / tokens, joules / tokens * 0.01);
        }

        // The slow runtime spends about twice the energy per token at the same power: its ratio to the lowest is about 2.
        double.Parse(table.Rows[3][5].TrimEnd('x'), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1.8, 2.5);
        table.Rows[2][5].Should().Be("1x");
        File.ReadAllText(Path.Combine(result.Directory, "report.md")).Should().Contain("## Runtimes side by side");
        Directory.GetFiles(Path.Combine(result.Directory, "charts"), "runtimes-joules-per-token.svg").Should().ContainSingle();
    }

    [Fact]
    public async Task RunCase_ModelOneRuntimeDoesNotServe_FailsOnlyThatUnitsCasesWithTheRuntimeNamed()
    {
        // Arrange: the slow runtime asks for a name its fake GPT4All does not know (it would silently answer with its default model).
        await using var session = await OpenAsync(Load(("ENERGYBENCH__Runtimes__1__ModelNames__" + Medium, "Phi-3 Mini Instruct")));

        // Act
        var fast = await session.RunCaseAsync($"gpt4all / {Medium}", 0, _ct);
        var slow = await session.RunCaseAsync($"gpt4all-slow / {Medium}", 0, _ct);

        // Assert
        fast.Outcome.Should().Be("passed");
        slow.Outcome.Should().Be("failed");
        slow.Runtime.Should().Be("gpt4all-slow");
        slow.Problems.Should().ContainSingle().Which.Should().StartWith("gpt4all-slow: ").And.Contain("Phi-3 Mini Instruct");
    }
}
