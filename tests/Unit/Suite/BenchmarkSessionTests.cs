using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Backends;
using SlmEnergyBench.Unit.Fakes;
using SlmEnergyBench.Unit.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>
/// The session end to end with the real fake GPT4All server, the real client and a scripted meter whose
/// energy is exact: a constant 12 W (cpu 2 W + gpu 10 W) makes every window's energy 12 W x its duration.
/// </summary>
public sealed class BenchmarkSessionTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("session-test-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task RunCase_TwoModelsTwoPrompts_RecordsEachCaseWithExactEnergy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await OpenAsync(LoadFake(), ct);

        var records = new List<Harness.Results.CaseRecord>();
        foreach (var model in new[] { "Llama 3.2 1B Instruct", "Llama 3 8B Instruct" })
        {
            for (var ordinal = 0; ordinal < 2; ordinal++)
                records.Add(await session.RunCaseAsync(model, ordinal, ct));
        }

        records.Should().AllSatisfy(r =>
        {
            r.Outcome.Should().Be("passed", string.Join("; ", r.Problems));
            var window = r.Energy!.Window;
            window.Domains[Domains.Total].Joules.Should().BeApproximately(12 * r.Completion!.WallSeconds, 1e-9);
            window.Domains[Domains.Gpu].Joules.Should().BeApproximately(10 * r.Completion.WallSeconds, 1e-9);
            window.Coverage.Should().BeApproximately(1, 1e-12, "every sample is there; the covered pieces of a window on the real clock add up to its length only to rounding");
            r.TokensPerSecond.Should().BeApproximately(r.Completion.CompletionTokens!.Value / r.Completion.WallSeconds, 1e-9);
            r.WordsPerSecond.Should().BeApproximately(r.Completion.WordCount / r.Completion.WallSeconds, 1e-9);
        });
        var lines = ReadCases(session);
        lines.Select(l => l.GetProperty("model").GetString()).Should().Equal(
            "Llama 3.2 1B Instruct", "Llama 3.2 1B Instruct", "Llama 3 8B Instruct", "Llama 3 8B Instruct");
        lines.Select(l => l.GetProperty("promptText").GetString()).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task RunCase_ModelOfAnotherDiscovery_FailsThatCaseOnlyAndKeepsTheOtherResults()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await OpenAsync(LoadFake(), ct);
        await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);

        var failed = await session.RunCaseAsync("synthetic-1b-scaled", 0, ct);

        failed.Outcome.Should().Be("failed");
        failed.Completion.Should().BeNull("no request is sent for a model this run does not have");
        failed.Problems.Should().ContainSingle().Which.Should().Contain("is not a model of profile 'fake'").And.Contain("Run the tests again");
        (await session.RunCaseAsync("Llama 3.2 3B Instruct", 1, ct)).Outcome.Should().Be("passed");
        ReadCases(session).Select(l => l.GetProperty("outcome").GetString()).Should().Equal("passed", "failed", "passed");
    }

    [Fact]
    public async Task Open_ConfiguredModelNotServed_FailsOnlyThatModelsCasesWithTheProbeReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = LoadFake(("ENERGYBENCH__Models__1", "Phi-3 Mini Instruct"));
        await using var session = await OpenAsync(config, ct);

        var missing = await session.RunCaseAsync("Phi-3 Mini Instruct", 0, ct);
        var served = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);

        missing.Outcome.Should().Be("failed");
        missing.Completion.Should().BeNull("no request is sent for a model the server does not list");
        missing.Problems.Should().ContainSingle().Which.Should().Contain("does not serve 'Phi-3 Mini Instruct'").And.Contain("Available:");
        served.Outcome.Should().Be("passed");
    }

    [Fact]
    public async Task RunCase_ServerFailsOnDatasetPrompt1_FailsOnlyCase1BecauseTheWarmupHasItsOwnPrompt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = LocalServers.StartWireMock();
        await using var session = await OpenAgainstStubAsync(server, LoadFake(("ENERGYBENCH__Models", Gpt4AllStub.Model)), ct);
        var prompt1 = session.Prompts!.Prompts[0].Text;
        // GPT4All's answer to a prompt it cannot take (longer than the context window): 500 with an empty body.
        server.Given(Request.Create().WithPath("/v1/completions").UsingPost().WithBody(new JsonPartialMatcher(new { prompt = prompt1 })))
            .AtPriority(1).RespondWith(Response.Create().WithStatusCode(500));

        var case1 = await session.RunCaseAsync(Gpt4AllStub.Model, 0, ct);
        var case2 = await session.RunCaseAsync(Gpt4AllStub.Model, 1, ct);

        case1.Outcome.Should().Be("failed");
        case1.Problems.Should().ContainSingle().Which.Should().Contain("with 500 and an empty body").And.NotContain("warm-up");
        case2.Outcome.Should().Be("passed", string.Join("; ", case2.Problems));
        PromptsSent(server).Should().Equal(ProtocolOptions.DefaultWarmupPrompt, prompt1, session.Prompts.Prompts[1].Text);
    }

    [Fact]
    public async Task RunCase_WarmupFails_FailsEveryCaseOfTheModelSayingWhichRequestPromptAndAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = LocalServers.StartWireMock();
        var config = LoadFake(("ENERGYBENCH__Models", Gpt4AllStub.Model), ("ENERGYBENCH__Protocol__WarmupRequests", "2"), ("ENERGYBENCH__Protocol__WarmupPrompt", "Hi."));
        await using var session = await OpenAgainstStubAsync(server, config, ct);
        server.Given(Request.Create().WithPath("/v1/completions").UsingPost().WithBody(new JsonPartialMatcher(new { prompt = "Hi." })))
            .AtPriority(1).RespondWith(Response.Create().WithStatusCode(500));

        var cases = new[] { await session.RunCaseAsync(Gpt4AllStub.Model, 0, ct), await session.RunCaseAsync(Gpt4AllStub.Model, 1, ct) };

        cases.Should().AllSatisfy(c => c.Problems.Should().ContainSingle().Which.Should().StartWith(
            $"warm-up request 1 of 2 to '{Gpt4AllStub.Model}' (Protocol:WarmupPrompt \"Hi.\") failed, so none of its cases can be measured: " +
            $"GPT4All answered {server.Url}/v1/completions with 500 and an empty body for model '{Gpt4AllStub.Model}'."));
        PromptsSent(server).Should().Equal("Hi.");
    }

    [Fact]
    public async Task Open_NoMeterUsableHere_SkipsWithTheMetersReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = LoadFake();
        var clock = new SessionClock();
        using var server = FakeGpt4AllServer.Start(config.Options.Fake);
        using var client = FakeServerSetup.Client(server, clock);

        await using var session = await BenchmarkSession.OpenAsync(config, clock, client,
            (_, _) => throw new MeterException("auto: no CPU-side meter here (rapl: none; estimate: /proc/stat missing)"), [], ct);

        session.SkipReason.Should().Contain("Meter: auto: no CPU-side meter here");
        session.FatalError.Should().BeNull();
    }

    [Fact]
    public async Task RunCase_WithIdleMeasured_GivesNetEnergyAndRecordsIdleBeforeAndAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        string runJson;
        Harness.Results.CaseRecord record;
        await using (var session = await OpenAsync(LoadFake(("ENERGYBENCH__Protocol__IdleSeconds", "0.3")), ct))
        {
            record = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, 2, ct);
            runJson = Path.Combine(session.Results!.Directory, "run.json");
        }

        // The scripted trace is a constant 12 W, so idle is 12 W and every window's net energy is exactly zero.
        record.Repetition.Should().Be(2);
        record.Energy!.Idle!.Label.Should().Be("before Llama 3.2 1B Instruct");
        record.Energy.Idle.PowerW[Domains.Total].Should().BeApproximately(12, 1e-9);
        (record.Energy.Idle.EndS - record.Energy.Idle.StartS).Should().BeGreaterThanOrEqualTo(0.3);
        record.Energy.NetJoules![Domains.Total].Should().BeApproximately(0, 1e-9);
        record.Energy.NetJoules[Domains.Gpu].Should().BeApproximately(0, 1e-9);
        var idle = JsonDocument.Parse(File.ReadAllText(runJson)).RootElement.GetProperty("idle");
        idle.EnumerateArray().Select(i => i.GetProperty("label").GetString()).Should().Equal("before Llama 3.2 1B Instruct", "after the last case");
    }

    [Fact]
    public async Task CompleteModel_NoBaseline_IsNaWithTheAcceptHint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await OpenAsync(LoadFake(("ENERGYBENCH__Regression__BaselinesDirectory", Path.Combine(_results, "baselines"))), ct);
        await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);

        var report = await session.CompleteModelAsync("Llama 3.2 1B Instruct", ct);

        report.IsNa.Should().BeTrue();
        report.Energy.Message.Should().StartWith("NA: no baseline for this machine").And.Contain("ENERGYBENCH_ACCEPT_BASELINE=1");
        report.Summary.Passed.Should().Be(1);
        File.Exists(Path.Combine(session.Results!.Directory, "summary.json")).Should().BeTrue();
    }

    [Fact]
    public async Task CompleteModel_AcceptedThenUnchangedThenSlower_JudgesSameThenWorse()
    {
        // On virtual time (SkipAheadTimeProvider): each case lasts exactly what the fake server waits, whatever the
        // machine's load, so a busy moment during one run cannot make an unchanged run look slower. The runs differ
        // only by the fake's own 1% noise (a seed each) and, for the last, its speed.
        var ct = TestContext.Current.CancellationToken;
        var baselines = Path.Combine(_results, "baselines");
        (string, string)[] twelve = [("ENERGYBENCH__Regression__BaselinesDirectory", baselines), ("ENERGYBENCH__Prompts__Count", "12"),
            ("ENERGYBENCH__Fake__NoisePercent", "1")];

        var accepted = await RunModelAsync([.. twelve, ("ENERGYBENCH__Fake__NoiseSeed", "1"), ("ENERGYBENCH_ACCEPT_BASELINE", "true")], ct);
        var unchanged = await RunModelAsync([.. twelve, ("ENERGYBENCH__Fake__NoiseSeed", "2")], ct);
        var slower = await RunModelAsync([.. twelve, ("ENERGYBENCH__Fake__NoiseSeed", "3"), ("ENERGYBENCH__Fake__SpeedFactor", "0.8")], ct);

        accepted.Accepted.Should().BeTrue();
        File.Exists(accepted.BaselinePath).Should().BeTrue();
        accepted.BaselinePath.Should().StartWith(baselines).And.EndWith(Path.Combine("fake", "llama-3-2-1b-instruct.json"));
        unchanged.Accepted.Should().BeFalse();
        unchanged.Energy.Kind.Should().Be(Harness.Statistics.Verdict.Same, unchanged.Energy.Message);
        unchanged.Energy.Pairs.Should().Be(12);
        unchanged.Latency.Kind.Should().Be(Harness.Statistics.Verdict.Same, unchanged.Latency.Message);

        // 20% slower at a constant 12 W: latency and energy both x1.25 on the decode part, the prefill unchanged (a
        // little less overall), and the fake's 1% noise on each case (about 0.4% on the mean of 12 log ratios). At
        // constant power the energy ratio IS the latency ratio.
        slower.IsWorse.Should().BeTrue();
        slower.Latency.Kind.Should().Be(Harness.Statistics.Verdict.Worse, slower.Latency.Message);
        slower.Energy.Kind.Should().Be(Harness.Statistics.Verdict.Worse, slower.Energy.Message);
        slower.Energy.Ratio.Should().BeInRange(1.1, 1.27);
        slower.Energy.Ratio.Should().BeApproximately(slower.Latency.Ratio!.Value, 1e-9);
        slower.Energy.Message.Should().StartWith("worse: energy x1.");
    }

    private async Task<ModelReport> RunModelAsync((string, string)[] overrides, CancellationToken ct)
    {
        await using var session = await OpenAsync(LoadFake(overrides), ct, new SkipAheadTimeProvider(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 12; i++)
            await session.RunCaseAsync("Llama 3.2 1B Instruct", i, ct);
        return await session.CompleteModelAsync("Llama 3.2 1B Instruct", ct);
    }

    [Fact]
    public async Task RunCase_PausesBeforeEachRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await OpenAsync(LoadFake(("ENERGYBENCH__Protocol__PauseMs", "300")), ct);

        var first = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);
        var second = await session.RunCaseAsync("Llama 3.2 1B Instruct", 1, ct);

        (second.Completion!.StartS - first.Completion!.EndS).Should().BeGreaterThanOrEqualTo(0.3);
    }

    [Fact]
    public async Task Dispose_WritesTheFinalManifestWithCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        string runJson;
        await using (var session = await OpenAsync(LoadFake(), ct))
        {
            await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);
            runJson = Path.Combine(session.Results!.Directory, "run.json");
            JsonDocument.Parse(File.ReadAllText(runJson)).RootElement.GetProperty("status").GetString().Should().Be("running");
        }

        var manifest = JsonDocument.Parse(File.ReadAllText(runJson)).RootElement;
        // 1 case of the plan's 3 models x 2 prompts ran: the status says the run is partial, not simply completed.
        manifest.GetProperty("status").GetString().Should().Be("completed in part: 5 of 6 planned cases never ran (a test filter chose the others, or they were not reached)");
        manifest.GetProperty("casesPlanned").GetInt32().Should().Be(6);
        manifest.GetProperty("casesPassed").GetInt32().Should().Be(1);
        manifest.GetProperty("lastCase").GetString().Should().Be("Llama 3.2 1B Instruct / prompt 1: passed");
        manifest.GetProperty("segments").GetArrayLength().Should().Be(1);
        manifest.GetProperty("segments")[0].GetProperty("status").GetString().Should().Be(manifest.GetProperty("status").GetString());
        manifest.GetProperty("meter").GetProperty("meter").GetString().Should().Be("scripted");
        manifest.GetProperty("prompts").GetProperty("sha256").GetString().Should()
            .Be(StandardSha256.OfFile(Path.Combine(TestRepository.Root, "fixtures", "prompts", "alpaca-sample.json")));
        manifest.GetProperty("endedUtc").GetDateTimeOffset().Should().BeOnOrAfter(manifest.GetProperty("startedUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task Finish_WritesTheFinalFilesOnceAndRefusesLaterCases()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await OpenAsync(LoadFake(), ct);
        await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);
        var runJson = Path.Combine(session.Results!.Directory, "run.json");

        await session.FinishAsync(ct);
        var first = File.ReadAllText(runJson);
        await session.FinishAsync(ct);
        var late = () => session.RunCaseAsync("Llama 3.2 1B Instruct", 1, ct);

        session.IsFinished.Should().BeTrue();
        JsonDocument.Parse(first).RootElement.GetProperty("status").GetString().Should().Be("completed in part: 5 of 6 planned cases never ran (a test filter chose the others, or they were not reached)");
        File.ReadAllText(runJson).Should().Be(first, "a second finish writes nothing");
        (await late.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*already finished*Run the tests again*");
    }

    [Fact]
    public async Task Open_BackendNotRunning_SkipsWithTheReasonAndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = LoadFake();
        var clock = new SessionClock();
        var closed = new BackendOptions { BaseUrl = "http://127.0.0.1:9/v1", ProbeTimeoutSeconds = 2 };
        using var client = new Gpt4AllClient(closed, clock);

        await using var session = await BenchmarkSession.OpenAsync(config, clock, client, (_, _) => Task.FromResult(new MeterChoice(Meter(clock), "scripted for the test")), [], ct);

        session.SkipReason.Should().Contain("not reachable at http://127.0.0.1:9/v1").And.Contain("ENERGYBENCH_PROFILE=fake");
        session.Results.Should().BeNull();
        Directory.EnumerateFileSystemEntries(_results).Should().BeEmpty();
    }

    private LoadedConfiguration LoadFake(params (string Key, string Value)[] overrides) => FakeProfileConfig.Load(_results, overrides);

    private static ScriptedPowerMeter Meter(SessionClock clock) => FakeSessions.Meter(clock);

    /// <summary>A session on the fake GPT4All server and the scripted 12 W meter.</summary>
    /// <param name="config">The fake profile as loaded for the test.</param>
    /// <param name="ct">The test's cancellation.</param>
    /// <param name="time">The session's and the fake server's clock; the system clock by default.</param>
    private static async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, CancellationToken ct, TimeProvider? time = null)
    {
        var session = await FakeSessions.OpenAsync(config, ct, time);
        session.SkipReason.Should().BeNull();
        session.FatalError.Should().BeNull();
        return session;
    }

    /// <summary>A session whose backend is a WireMock GPT4All serving <see cref="Gpt4AllStub.Model"/> (more stubs may be added at a higher priority).</summary>
    private static async Task<BenchmarkSession> OpenAgainstStubAsync(WireMockServer server, LoadedConfiguration config, CancellationToken ct)
    {
        Gpt4AllStub.OnModels(server, $$"""{"data":[{"id":"{{Gpt4AllStub.Model}}","object":"model"}],"object":"list"}""");
        server.Given(Request.Create().WithPath("/v1/completions").UsingPost()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Gpt4AllStub.Completion()));
        var clock = new SessionClock();
        var backend = Gpt4AllStub.Client(server);
        var session = await BenchmarkSession.OpenAsync(config, clock, backend, (_, _) => Task.FromResult(new MeterChoice(Meter(clock), "scripted for the test")), [backend], ct);
        session.SkipReason.Should().BeNull();
        session.FatalError.Should().BeNull();
        return session;
    }

    /// <summary>The prompt of every completion request the stub received, in order.</summary>
    private static List<string> PromptsSent(WireMockServer server) =>
        [.. server.LogEntries.Where(e => e.RequestMessage.Path == "/v1/completions").OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("prompt").GetString()!)];

    private static List<JsonElement> ReadCases(BenchmarkSession session)
    {
        using var reader = new StreamReader(new FileStream(Path.Combine(session.Results!.Directory, "cases.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }
}
