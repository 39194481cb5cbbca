using System.Diagnostics;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>The report of a run that is not one whole run says so first, from the real files of a fake session.</summary>
public sealed class RunStateBannersTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("banners-test-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    /// <summary>Runs <paramref name="cases"/> of the 3 models x 2 prompts, then lets the session end as <paramref name="end"/> says.</summary>
    private async Task<string> RunAsync(int cases, Func<BenchmarkSession, Task> end)
    {
        await using var session = await FakeSessions.OpenAsync(FakeProfileConfig.Load(_results), _ct);
        foreach (var c in CasePlan.Of(session.Config.Options).Take(cases))
            await session.RunCaseAsync(c.Unit, c.Prompt - 1, c.Run, _ct);
        await end(session);
        return session.Results!.Directory;
    }

    [Fact]
    public async Task Banners_RunKilledWithoutAWord_SayInterruptedWithTheCasesThatNeverRanAndHowToResume()
    {
        // Arrange: 2 of 6 cases, then the process "dies": run.json keeps "running" and names a process that has ended.
        var folder = await RunAsync(2, s =>
        {
            s.Interrupt("running");
            return Task.CompletedTask;
        });
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync(_ct);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "run.json")))!;
        json["segments"]![0]!["processId"] = gone.Id;
        File.WriteAllText(Path.Combine(folder, "run.json"), json.ToJsonString());

        // Act
        var banners = ReportText.Banners(RunDataReader.Read(folder));

        // Assert
        var first = banners[0];
        first.Kind.Should().Be("interrupted");
        first.Text.Should().Be("This run is INTERRUPTED: 2 of 6 cases have a record; its figures cover those cases only.");
        first.Details.Should().Equal(
            "Status: interrupted: its process ended without saying why (killed, crashed, or the machine slept or lost power)",
            "Last case recorded: Llama 3.2 1B Instruct / prompt 2: passed",
            "4 cases never ran: Llama 3.2 3B Instruct / prompt 1; Llama 3.2 3B Instruct / prompt 2; Llama 3 8B Instruct / prompt 1; Llama 3 8B Instruct / prompt 2",
            $"Resume it with ENERGYBENCH_RESUME={Path.GetFileName(folder)} dotnet test --filter Category=Energy, or slmbench run --resume {Path.GetFileName(folder)}: the finished cases are kept, the others measured");
    }

    [Fact]
    public async Task Banners_RunFinishedWithOneCaseOfSix_SayPartialAndNameTheOthers()
    {
        var folder = await RunAsync(1, s => s.FinishAsync(_ct));

        var banners = ReportText.Banners(RunDataReader.Read(folder));

        banners[0].Text.Should().Be("This run is PARTIAL: 5 planned cases never ran; its figures cover the 1 that did.");
        banners[0].Details[0].Should().StartWith("Never ran: Llama 3.2 1B Instruct / prompt 2; Llama 3.2 3B Instruct / prompt 1;");
    }

    [Fact]
    public async Task Banners_WholeRun_AddNothingAboutTheRunsState()
    {
        var folder = await RunAsync(6, s => s.FinishAsync(_ct));

        var banners = ReportText.Banners(RunDataReader.Read(folder));

        banners.Select(b => b.Kind).Should().NotContain(["interrupted", "failures", "resumed", "warnings"]);
    }
}
