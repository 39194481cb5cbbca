using System.Text.Json;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Resume;

/// <summary>A prompts file edited while a run goes: the run warns at its end, and a resumption is refused.</summary>
public sealed class PromptsChangedTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("prompts-changed-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task PromptsFileEditedBeforeAResumption_ItIsRefusedSayingWhy()
    {
        // Arrange: the fixture's prompts, copied where the test may edit them.
        var prompts = Path.Combine(_results, "prompts.json");
        File.Copy(Path.Combine(TestRepository.Root, "fixtures", "prompts", "alpaca-sample.json"), prompts);
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Prompts__Source", prompts), ("ENERGYBENCH__Models", "Llama 3.2 1B Instruct"));
        string runId;

        // Act: one case, an edit, the run killed; then a resumption.
        await using (var session = await FakeSessions.OpenAsync(config, _ct))
        {
            await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, _ct);
            File.AppendAllText(prompts, "\n");
            session.Interrupt("interrupted: SIGTERM");
            runId = session.Results!.RunId;
        }

        await using var resumed = await FakeSessions.OpenAsync(FakeProfileConfig.Load(_results, ("ENERGYBENCH__Prompts__Source", prompts),
            ("ENERGYBENCH__Models", "Llama 3.2 1B Instruct"), ("ENERGYBENCH_RESUME", runId)), _ct);

        // Assert
        var expectedSha = Support.StandardSha256.OfFile(prompts);
        resumed.FatalError.Should().Contain($"the prompts file {prompts} changed since the run started (SHA-256 {expectedSha[..12]}, the run's ")
            .And.Contain("its cases would measure other prompts. Put the file back as it was");
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_results, runId, "run.json"))).RootElement;
        manifest.GetProperty("status").GetString().Should().Be("interrupted: SIGTERM");
    }

    [Fact]
    public async Task PromptsFileEditedDuringACompleteRun_TheEndOfTheRunWarns()
    {
        var prompts = Path.Combine(_results, "prompts.json");
        File.Copy(Path.Combine(TestRepository.Root, "fixtures", "prompts", "alpaca-sample.json"), prompts);
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Prompts__Source", prompts), ("ENERGYBENCH__Models", "Llama 3.2 1B Instruct"), ("ENERGYBENCH__Prompts__Count", "1"));
        var warnings = new List<string>();
        string folder;

        await using (var session = await FakeSessions.OpenAsync(config, _ct))
        {
            session.Observer = new Warnings(warnings);
            await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, _ct);
            File.AppendAllText(prompts, "\n");
            await session.FinishAsync(_ct);
            folder = session.Results!.Directory;
        }

        // Only the prompts warning is this test's: the machine's own state (another process busy) may add a "Not quiet" one.
        warnings.Where(w => w.StartsWith("The prompts file", StringComparison.Ordinal)).Should().ContainSingle().Which.Should().StartWith($"The prompts file {prompts} changed while the run went (SHA-256 now {Support.StandardSha256.OfFile(prompts)[..12]}");
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json"))).RootElement;
        manifest.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().Contain(warnings.First(w => w.StartsWith("The prompts file", StringComparison.Ordinal)));
    }

    private sealed class Warnings(List<string> seen) : IRunObserver
    {
        public void CaseFinished(CaseProgress progress)
        {
        }

        public void Warn(string message) => seen.Add(message);
    }
}
