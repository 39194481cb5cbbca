using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Fakes.Streaming;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// One case per model x prompt: a real request timed by the harness, its window's energy from the shared
/// meter session, one line of output, one record in <c>cases.jsonl</c>, and the checks a valid
/// measurement needs.
/// </summary>
[Trait("Category", "Energy")]
[Collection(nameof(EnergyCollection))]
[TestCaseOrderer(typeof(ConfiguredOrderOrderer))]
[TestMethodOrderer(typeof(CasesBeforeChecksOrderer))]
public sealed class EnergyCases(EnergySession fixture)
{
    public static IEnumerable<TheoryDataRow<string, int, int>> Cases => EnergyCaseSource.Rows();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generate(string model, int prompt, int run)
    {
        var output = TestContext.Current.TestOutputHelper!;
        var session = OpenSession();
        if (fixture.TakeHeader() is { } header)
        {
            output.WriteLine(header);
            if (session.MachineStateLine is { } machine)
                output.WriteLine(machine);
        }

        // Prompt 0 is a whole point whose requests overlap (N in flight): one row, one record per request plus the point's.
        IReadOnlyList<CaseRecord> records;
        if (prompt == 0)
        {
            var point = await session.RunPointAsync(model, run, TestContext.Current.CancellationToken);
            records = point.Cases;
            if (point.Point is { } measured)
            {
                output.WriteLine(PointLine.Format(measured));
                DiagnosticProgress.Say(PointLine.Format(measured));
            }
        }
        else
        {
            records = [await session.RunCaseAsync(model, prompt - 1, run, TestContext.Current.CancellationToken)];
        }

        foreach (var record in records)
            output.WriteLine((record.Segment < session.Segment ? $"kept from segment {record.Segment}: " : "") + CaseLine.Format(record));
        foreach (var record in records)
        {
            Assert.True(record.Problems.Count == 0,
                $"Invalid measurement of {model}, prompt {record.PromptOrdinal + 1}: " + string.Join(" | ", record.Problems));
            record.Completion!.CompletionTokens.Should().BePositive();
            record.Energy!.Window.Coverage.Should().BeGreaterThanOrEqualTo(session.Config.Options.Meter.MinCoverage);
            if (session.CheckAgainstBaseline(record) is { } problem)
                Assert.Fail($"{model}, prompt {record.PromptOrdinal + 1}: {problem}");
        }
    }

    public static IEnumerable<TheoryDataRow<string>> ModelsToCheck => EnergyCaseSource.Models();

    /// <summary>
    /// After a model's cases: its summary (printed and in summary.json) and its per-prompt energy and latency
    /// against the accepted baseline of this machine and profile: fails when either is worse (beyond the threshold
    /// AND significant), skips with the reason when there is no comparable baseline.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModelsToCheck))]
    public async Task Regression(string model)
    {
        var output = TestContext.Current.TestOutputHelper!;
        var session = OpenSession();

        var report = await session.CompleteModelAsync(model, TestContext.Current.CancellationToken);

        output.WriteLine(SummaryText.Format(report.Summary));
        output.WriteLine(report.Energy.Message);
        output.WriteLine(report.Latency.Message);
        // The summary's first line (the full summary is in the test's output and summary.json) and the verdict.
        DiagnosticProgress.Say(SummaryText.Format(report.Summary).Split('\n')[0].TrimEnd() + " | " + report.Energy.Message);
        if (report.Accepted)
        {
            output.WriteLine($"Accepted this run as the new baseline: {report.BaselinePath}");
            return;
        }

        Assert.SkipWhen(report.IsNa, report.Energy.Message);
        Assert.False(report.IsWorse, $"{model} regressed against {report.BaselinePath}: {report.Energy.Message}; {report.Latency.Message}");
    }

    /// <summary>
    /// After the cases, for a run with streaming fakes: the time to first token and inter-token gaps the client measured against the
    /// fakes' real sends (<see cref="FakeScriptCheck"/>), printed, and failed when a case's mean gap is off by more than 2 ms or TTFT's median
    /// by more than 5 ms. Skips without a streaming fake.
    /// </summary>
    [Fact(DisplayName = "Streaming: measured time to first token and inter-token gaps against the fakes' scripts")]
    public void Streaming()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var session = OpenSession();
        var scripts = session.Runtimes.Where(r => r.Script is not null).ToDictionary(r => r.Runtime ?? "", r => r.Script!.Scripts);
        Assert.SkipWhen(scripts.Count == 0, "No streaming fake in this run: its timings have no script to be checked against.");

        var check = FakeScriptCheck.Of(RunDataReader.Read(session.Results!.Directory).Cases, scripts);

        output.WriteLine(check.ToString());
        DiagnosticProgress.Say(check.ToString());
        check.Cases.Should().BePositive("the streaming fakes answered the run's cases");
        check.Within.Should().BeTrue(check.ToString());
    }

    /// <summary>
    /// After the cases, for a run with overlapping points: each point's attributed request energies must sum to its window's within 0.1%,
    /// and where a batching fake served it, its steady-state J/token must equal the fake's slot curve within 2% (<see cref="FakeCurveCheck"/>).
    /// Skips without an overlapping point.
    /// </summary>
    [Fact(DisplayName = "Sweep: steady-state J/token against the fakes' slot curves, attributed energy against each point's window")]
    public void Sweep()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var session = OpenSession();
        var points = RunDataReader.Read(session.Results!.Directory).Points;
        Assert.SkipWhen(points.Count == 0, "No point of this run had more than one request in flight: nothing to attribute or to check against a curve.");

        var checks = FakeCurveCheck.Of(points, session.Config.Options);

        foreach (var check in checks)
        {
            output.WriteLine(check.ToString());
            DiagnosticProgress.Say(check.ToString());
        }

        checks.Where(c => !c.Within).Should().BeEmpty("every point's attribution sums to its window and a fake's steady state follows its curve");
    }

    /// <summary>
    /// After the cases, for a run whose meter read the fake energy exporter through a real Prometheus (profile <c>fake-prometheus</c>):
    /// each case's GPU energy against the same window computed from the exporter's truth log by the stated scrape rule
    /// (<see cref="FakeExporterCheck"/>), printed, and failed beyond 0.1%. Skips in any other run.
    /// </summary>
    [Fact(DisplayName = "Prometheus: each case's energy against the fake exporter's counters over its window")]
    public void Prometheus()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var session = OpenSession();
        var folder = session.Results!.Directory;
        Assert.SkipUnless(File.Exists(Path.Combine(folder, FakePrometheusStack.TruthLogName)),
            "No fake energy exporter in this run (profile fake-prometheus has one): nothing to check the prometheus meter against.");

        var checks = FakeExporterCheck.Of(folder);

        var log = FakeExporterCheck.Describe(folder);
        output.WriteLine(log);
        DiagnosticProgress.Say(log);
        foreach (var check in checks)
        {
            output.WriteLine(check.ToString());
            DiagnosticProgress.Say(check.ToString());
        }

        checks.Should().NotBeEmpty("the run measured cases");
        checks.Where(c => !c.Within).Should().BeEmpty("every case's energy equals the exporter's counters over its window by the scrape rule");
    }

    /// <summary>
    /// Last: finishes the run's files (idle after the last case, final run.json) and makes its report (charts,
    /// report.html, report.md, cases.csv) in the run folder, attached to this test's result.
    /// </summary>
    [Fact(DisplayName = "Report: charts and report of this run")]
    public async Task Report()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var session = OpenSession();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var files = await fixture.MakeReportAsync(TestContext.Current.CancellationToken);
        watch.Stop();

        output.WriteLine($"Report: {files.Html} (finishing the run's files and making the report took {watch.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s)");
        var cost = session.HarnessCostLine ?? "Harness cost: not measured (the meter did not start).";
        output.WriteLine(cost);
        DiagnosticProgress.Say(cost);
        DiagnosticProgress.Say($"Report: {files.Html}");
        output.WriteLine($"Also: {files.Markdown}, {files.Csv}, {files.Charts.Count} chart files in {Path.GetDirectoryName(files.Charts.FirstOrDefault() ?? files.Html)}");
        if (LadderRates.Describe(RunDataReader.Read(session.Results!.Directory).Cases) is { } ladder)
            output.WriteLine(ladder);
        TestContext.Current.AddAttachment("report", await File.ReadAllBytesAsync(files.Html, TestContext.Current.CancellationToken), "text/html");
        TestContext.Current.AddAttachment("report.md", await File.ReadAllTextAsync(files.Markdown, TestContext.Current.CancellationToken));
        TestContext.Current.AddAttachment("cases", await File.ReadAllBytesAsync(files.Csv, TestContext.Current.CancellationToken), "text/csv");
        File.ReadAllText(files.Html).Should().Contain(session.Results!.RunId);
    }

    /// <summary>The run's open session: fails the test when the session could not start, skips it with the reason when its parts are not here.</summary>
    private BenchmarkSession OpenSession()
    {
        if (fixture.Failure is not null)
            Assert.Fail(fixture.Failure);
        var session = fixture.Session!;
        Assert.SkipWhen(session.SkipReason is not null, session.SkipReason ?? "");
        return session;
    }
}

/// <summary>Energy cases never run in parallel with anything: they share one meter and one machine.</summary>
[CollectionDefinition(nameof(EnergyCollection), DisableParallelization = true)]
public sealed class EnergyCollection;
