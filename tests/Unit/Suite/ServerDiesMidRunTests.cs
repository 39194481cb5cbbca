using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>A server that dies mid-run: run.json and the report say so, not "completed" and "available".</summary>
public sealed class ServerDiesMidRunTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("server-dies-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task Finish_ServerStoppedAfterTwoCases_StatusAndBackendAvailabilitySaySoAndTheFirstCasesStayIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Models", "Llama 3.2 1B Instruct"), ("ENERGYBENCH__Prompts__Count", "4"),
            ("ENERGYBENCH__Backend__TimeoutSeconds", "30"));
        var clock = new SessionClock();
        var server = FakeGpt4AllServer.Start(config.Options.Fake);
        var backend = new Gpt4AllClient(new BackendOptions { BaseUrl = server.BaseUrl, TimeoutSeconds = 30 }, clock);
        string folder;
        await using (var session = await BenchmarkSession.OpenAsync(config, clock, backend,
                         (_, _) => Task.FromResult(new MeterChoice(FakeSessions.Meter(clock), "scripted for the test")), [backend], ct))
        {
            folder = session.Results!.Directory;
            (await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct)).Outcome.Should().Be("passed");
            (await session.RunCaseAsync("Llama 3.2 1B Instruct", 1, ct)).Outcome.Should().Be("passed");

            server.Dispose();
            var third = await session.RunCaseAsync("Llama 3.2 1B Instruct", 2, ct);
            var fourth = await session.RunCaseAsync("Llama 3.2 1B Instruct", 3, ct);

            third.Outcome.Should().Be("failed");
            fourth.Outcome.Should().Be("failed");
            third.Problems.Should().ContainSingle().Which.Should().Contain("GPT4All");
        }

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json"))).RootElement;
        manifest.GetProperty("status").GetString().Should().Be("completed with failures: 2 of 4 cases failed");
        manifest.GetProperty("backend").GetProperty("availability").GetString().Should()
            .StartWith("available at the start; 2 of 5 requests failed during the run, the first at Llama 3.2 1B Instruct / prompt 3: ");
        var run = RunDataReader.Read(folder);
        run.Cases.Count(c => c.Outcome == "passed").Should().Be(2);
        var failures = ReportText.Banners(run).Single(b => b.Kind == "failures");
        failures.Text.Should().Be("2 cases of 4 FAILED and are left out of every figure.");
        failures.Details[^1].Should().StartWith("Backend: available at the start; 2 of 5 requests failed");
    }
}
