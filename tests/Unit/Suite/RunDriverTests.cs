using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Unit.Metering;
using static SlmEnergyBench.Unit.Suite.FakeProfileModels;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>
/// The loop <c>slmbench run</c> runs over <see cref="CasePlan"/>, with the whole fake profile (fake GPT4All, fake
/// powermetrics process): the order of cases and summaries, a model that never passes, a run cancelled between cases.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class RunDriverTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("run-driver-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task RunAsync_TwoModels_RunsThePlanInOrderAndSummarizesEachModelAfterItsCases()
    {
        // Arrange
        var events = new List<string>();
        await using var session = await BenchmarkSession.OpenAsync(Load($"{Small},{Medium}"), _ct);
        var driver = new RunDriver(session)
        {
            CaseStarting = c => events.Add($"case {c.Unit} {c.Prompt}"),
            ModelCompleted = r => events.Add($"summary {r.Summary.Model} of {r.Summary.Passed}"),
        };

        // Act
        var result = await driver.RunAsync(_ct);

        // Assert
        events.Should().Equal($"case {Small} 1", $"case {Small} 2", $"summary {Small} of 2", $"case {Medium} 1", $"case {Medium} 2", $"summary {Medium} of 2");
        result.Should().BeEquivalentTo(new { Planned = 4, Passed = 4, Failed = 0, Done = 4, Cancelled = false, AllPassed = true, ReportError = (string?)null });
        result.Models.Select(m => m.Summary.Model).Should().Equal(Small, Medium);
        result.Models.Should().AllSatisfy(m => m.IsNa.Should().BeTrue("no baseline was accepted in the scratch folder"));
        File.Exists(result.Report!.Html).Should().BeTrue();
        result.Directory.Should().Be(session.Results!.Directory);
        Json(result.Directory, "run.json").GetProperty("status").GetString().Should().Be("completed");
        Json(result.Directory, "summary.json").GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).Should().Equal(Small, Medium);
    }

    [Fact]
    public async Task RunAsync_ModelWithoutAPassedCase_IsListedNotSummarizedAndTheNextModelStillRuns()
    {
        // Arrange: the fake server does not serve Phi-3, so both its cases fail.
        await using var session = await BenchmarkSession.OpenAsync(Load($"Phi-3 Mini Instruct,{Small}"), _ct);

        // Act
        var result = await new RunDriver(session).RunAsync(_ct);

        // Assert
        result.Should().BeEquivalentTo(new { Planned = 4, Passed = 2, Failed = 2, Cancelled = false, AllPassed = false });
        result.ModelsWithoutPass.Should().Equal("Phi-3 Mini Instruct");
        result.Models.Select(m => m.Summary.Model).Should().Equal(Small);
        result.Report.Should().NotBeNull();
        Json(result.Directory, "summary.json").GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).Should().Equal(Small);
    }

    [Fact]
    public async Task RunAsync_CancelledBetweenTwoCases_StopsRunJsonSaysCancelledAndTheFinishedCaseIsReported()
    {
        // Arrange: cancel as the first case finishes, before the second starts.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        await using var session = await BenchmarkSession.OpenAsync(Load(Small), _ct);
        session.Observer = new CancelOnFirstCase(cancel);

        // Act
        var result = await new RunDriver(session).RunAsync(cancel.Token);

        // Assert
        result.Should().BeEquivalentTo(new { Planned = 2, Passed = 1, Failed = 0, Cancelled = true, AllPassed = false });
        result.Models.Should().BeEmpty("a model cut short is not summarized");
        Json(result.Directory, "run.json").GetProperty("status").GetString().Should().StartWith("cancelled");
        File.ReadAllLines(Path.Combine(result.Directory, "cases.jsonl")).Should().ContainSingle();
        File.Exists(result.Report!.Html).Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_ConcurrencySweep_MeasuresTheOverlappingPointAsOneWindowWhoseSharesSumToIt()
    {
        // Arrange: concurrency 1 (each prompt its own case) and 2 (both prompts at once, one window).
        await using var session = await BenchmarkSession.OpenAsync(Load(Small, ("ENERGYBENCH__Load__Concurrency", "1,2")), _ct);
        var observer = new RecordingObserver();
        session.Observer = observer;
        var rows = new List<string>();
        var driver = new RunDriver(session) { CaseStarting = c => rows.Add(c.DisplayName) };

        // Act
        var result = await driver.RunAsync(_ct);

        // Assert
        rows.Should().Equal($"Energy: {Small} / concurrency 1 / prompt 1 of 2", $"Energy: {Small} / concurrency 1 / prompt 2 of 2", $"Energy: {Small} / concurrency 2 / 2 prompts, 2 in flight");
        result.Should().BeEquivalentTo(new { Planned = 4, Passed = 4, Failed = 0, AllPassed = true });
        result.Models.Select(m => m.Summary.Model).Should().Equal($"{Small} / concurrency 1", $"{Small} / concurrency 2");
        observer.Requests.Should().Equal(($"{Small} / concurrency 2", 1, 2), ($"{Small} / concurrency 2", 2, 2));
        var point = JsonDocument.Parse(File.ReadAllLines(Path.Combine(result.Directory, "points.jsonl")).Single()).RootElement;
        point.GetProperty("unit").GetString().Should().Be($"{Small} / concurrency 2");
        var window = point.GetProperty("window").GetProperty("domains").GetProperty("total").GetProperty("joules").GetDouble();
        var shared = File.ReadAllLines(Path.Combine(result.Directory, "cases.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(c => c.GetProperty("point").GetProperty("concurrency").GetInt32() == 2)
            .Select(c => c.GetProperty("energy")).ToList();
        shared.Should().HaveCount(2).And.AllSatisfy(e => e.GetProperty("attribution").GetProperty("share").GetDouble().Should().BeInRange(0.01, 0.99));
        shared.Sum(e => e.GetProperty("window").GetProperty("domains").GetProperty("total").GetProperty("joules").GetDouble()).Should().BeApproximately(window, window * 1e-9);
    }

    [Fact]
    public async Task New_SessionThatCannotRunHere_ThrowsWithItsSkipReason()
    {
        // Arrange
        await using var session = await BenchmarkSession.OpenAsync(Load(Small, ("ENERGYBENCH__Meter__Command", FakePowermetrics.NotRoot)), _ct);

        // Act
        var act = () => new RunDriver(session);

        // Assert
        act.Should().Throw<InvalidOperationException>().WithMessage("*powermetrics must run as root*");
    }

    private LoadedConfiguration Load(string models, params (string Key, string Value)[] overrides) => FakeProfileConfig.Load(_results,
    [
        ("ENERGYBENCH__Models", models),
        ("ENERGYBENCH__Generation__MaxTokens", "64"),
        ("ENERGYBENCH__Regression__BaselinesDirectory", Path.Combine(_results, "baselines")),
        .. overrides,
    ]);

    private static JsonElement Json(string directory, string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, file))).RootElement;

    private sealed class CancelOnFirstCase(CancellationTokenSource cancel) : IRunObserver
    {
        public void CaseFinished(CaseProgress progress)
        {
            if (progress.Done == 1)
                cancel.Cancel();
        }

        public void Warn(string message)
        {
        }
    }
}
