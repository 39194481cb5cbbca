using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.SeedStudy;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Unit.Support;
using SlmEnergyBench.Unit.Text;

namespace SlmEnergyBench.Unit.SeedStudy;

public sealed class SeedStudyImportTests : IDisposable
{
    private const double Exact = 1e-9;
    private static readonly DateTimeOffset Started = new(2026, 11, 26, 19, 35, 27, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "slmbench-import-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Started);

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    // Fixture, by hand. Record 0: 0.5 s, 4 samples, CPU 1 W, GPU 10/12/14/16 W, combined 11/13/15/17 W, 40 tokens, 5 words, 24 characters.
    // Record 1: 0.25 s, 2 samples, CPU 2/4 W, GPU 20/20 W, combined 22/24 W, 10 tokens, 3 words.
    [Fact]
    public void Import_Fixture_PlacesRequestsBackToBackAndTheirSamplesEvenlyOverEach()
    {
        // Act
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.Fixture, _root, "Tiny", _time));

        // Assert
        run.Directory.Should().Be(Path.Combine(_root, "20261126-193527-seed-import"));
        run.Cases.Select(c => (c.Completion!.StartS, c.Completion.EndS, c.Energy!.Window.StartS, c.Energy.Window.EndS))
            .Should().Equal((0.0, 0.5, 0.0, 0.5), (0.5, 0.75, 0.5, 0.75));
        run.Samples.Select(s => (s.StartS, s.EndS)).Should().Equal(
            (0.0, 0.125), (0.125, 0.25), (0.25, 0.375), (0.375, 0.5), (0.5, 0.625), (0.625, 0.75));
        run.Samples.Select(s => s.EnergyJ[Domains.Gpu]).Should().Equal([1.25, 1.5, 1.75, 2.0, 2.5, 2.5], (a, b) => Math.Abs(a - b) < Exact);
        run.Samples.Select(s => s.EnergyJ[Domains.Total]).Should().Equal([1.375, 1.625, 1.875, 2.125, 2.75, 3.0], (a, b) => Math.Abs(a - b) < Exact);
    }

    [Fact]
    public void Import_Fixture_EnergyIsMeanPowerTimesDurationWithTheHonestCoverage()
    {
        // Act
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.Fixture, _root, "Tiny", _time));

        // Assert
        var first = run.Cases[0].Energy!.Window;
        first.Domains.Keys.Should().BeEquivalentTo(Domains.Cpu, Domains.Gpu, Domains.Total);
        first.Domains[Domains.Cpu].Should().BeEquivalentTo(new DomainEnergy(0.5, 1, 1), o => o.Using<double>(d => d.Subject.Should().BeApproximately(d.Expectation, Exact)).WhenTypeIs<double>());
        first.Domains[Domains.Gpu].Should().BeEquivalentTo(new DomainEnergy(6.5, 13, 16), o => o.Using<double>(d => d.Subject.Should().BeApproximately(d.Expectation, Exact)).WhenTypeIs<double>());
        first.Domains[Domains.Total].Should().BeEquivalentTo(new DomainEnergy(7.0, 14, 17), o => o.Using<double>(d => d.Subject.Should().BeApproximately(d.Expectation, Exact)).WhenTypeIs<double>());
        first.SampleCount.Should().Be(4);
        first.Coverage.Should().BeApproximately(0.4 / 0.5, Exact);
        first.Approximation.Should().Contain("inferred");
        var second = run.Cases[1].Energy!.Window;
        second.Domains[Domains.Cpu].Joules.Should().BeApproximately(3 * 0.25, Exact);
        second.Domains[Domains.Gpu].Joules.Should().BeApproximately(20 * 0.25, Exact);
        second.Domains[Domains.Total].Joules.Should().BeApproximately(23 * 0.25, Exact);
        second.Domains[Domains.Total].PeakPowerW.Should().BeApproximately(24, Exact);
        second.Coverage.Should().BeApproximately(0.2 / 0.25, Exact);
        foreach (var c in run.Cases)
        {
            // Every case's energy is recomputable from samples.jsonl, as the README says.
            var window = c.Energy!.Window;
            run.Samples.Where(s => s.StartS >= window.StartS && s.EndS <= window.EndS).Sum(s => s.EnergyJ[Domains.Total])
                .Should().BeApproximately(window.Domains[Domains.Total].Joules, Exact);
        }
    }

    [Fact]
    public void Import_Fixture_WritesTheCasesAndAnHonestManifest()
    {
        // Act
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.Fixture, _root, "Tiny", _time));

        // Assert
        var c = run.Cases[0];
        (c.Model, c.PromptOrdinal, c.PromptDatasetIndex, c.PromptText, c.Outcome).Should().Be(("Tiny", 0, 0, "Count to five.", "passed"));
        c.Completion!.Text.Should().Be("One two three four five.");
        (c.Completion.PromptTokens, c.Completion.CompletionTokens, c.Completion.WordCount, c.Completion.CharacterCount).Should().Be((5, 40, 5, 24));
        c.Completion.CompletionTokensSource.Should().Be(TokenCountSource.ServerUsage);
        c.Completion.WallSeconds.Should().BeApproximately(0.5, Exact);
        c.TokensPerSecond.Should().BeApproximately(80, Exact);
        c.WordsPerSecond.Should().BeApproximately(10, Exact);
        run.Cases[1].WordsPerSecond.Should().BeApproximately(12, Exact);
        // 4 samples x 100 ms over a 0.5 s request: 80% covered, below the 98% a live case needs, and said so.
        c.Energy!.Provenance.Method.Should().Be(EnergyMethod.Imported);
        c.Energy.Window.Approximation.Should().Contain("Below live coverage: the samples cover 80.0% of the nominal one per 100 ms, less than the 98% (Meter:MinCoverage)");

        var sha = StandardSha256.OfFile(SeedStudyTestFiles.Fixture);
        var m = run.Manifest;
        (m.Profile, m.Status, m.CasesPassed, m.CasesFailed).Should().Be(("seed-import", "completed", 2, 0));
        m.ProfileChosenBy.Should().Be($"imported from {SeedStudyTestFiles.Fixture} (sha256 {sha})");
        m.StartedUtc.Should().Be(Started);
        m.Idle.Should().BeEmpty();
        m.Configuration.Models.Should().Equal("Tiny");
        (m.Configuration.Generation.Temperature, m.Configuration.Generation.MaxTokens).Should().Be((0.7, 1024));
        (m.Configuration.Meter.Kind, m.Configuration.Meter.IntervalMs).Should().Be(("powermetrics", 100));
        m.Prompts.Should().Be(new Harness.Results.PromptSource(SeedStudyTestFiles.Fixture, sha, 2, "all records in file order", 2));
        m.Meter.Method.Should().Be(EnergyMethod.Imported);
        m.Meter.Domains.Should().Equal(Domains.Cpu, Domains.Gpu, Domains.Total);
        m.Meter.Source.Should().Contain("sudo powermetrics --format plist -i 100 -s battery,cpu_power");
        m.Meter.Notes.Should().Contain(SeedStudyTimeline.InferredTimesStatement).And.Contain("combinedPowerMw").And.Contain("no idle")
            .And.Contain("6 samples arrived for 0.75 s of requests, 0.8 of the nominal");
    }

    [Fact]
    public void Import_Fixture_SeedAnalysisRoundTripsThroughTheRunFolder()
    {
        // Act
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.Fixture, _root, "Tiny", _time));

        // Assert
        run.SeedAnalysis.Should().BeEquivalentTo(SeedStudyAnalysis.Compare(SeedStudyReader.Read(SeedStudyTestFiles.Fixture)));
    }

    [Fact]
    public void Import_TwiceInTheSameSecond_NeverOverwrites()
    {
        // Act
        var first = SeedStudyImport.Import(SeedStudyTestFiles.Fixture, _root, "Tiny", _time);
        var second = SeedStudyImport.Import(SeedStudyTestFiles.Fixture, _root, "Tiny", _time);

        // Assert
        Path.GetFileName(first).Should().Be("20261126-193527-seed-import");
        Path.GetFileName(second).Should().Be("20261126-193527-seed-import-2");
        RunDataReader.Read(first).Cases.Should().HaveCount(2);
    }

    [Fact]
    public void Import_MissingFile_ThrowsNamingItAndWritesNothing()
    {
        // Act
        var act = () => SeedStudyImport.Import(Path.Combine(_root, "nope.json"), _root, "Tiny", _time);

        // Assert
        act.Should().Throw<FileNotFoundException>().WithMessage("*nope.json: no such file*");
        Directory.Exists(_root).Should().BeFalse();
    }

    [Theory]
    [InlineData("[{\"inferenceTime\": ", "*not valid JSON*")]
    [InlineData("[]", "*holds no record*")]
    [InlineData("[{\"inferenceTime\": -1}]", "*record 0, field 'inferenceTime': must be positive*")]
    public void Import_BadFile_ThrowsAClearMessageAndLeavesNoRunFolder(string content, string message)
    {
        // Arrange
        var input = Path.Combine(Path.GetTempPath(), "slmbench-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(input, content);

        try
        {
            // Act
            var act = () => SeedStudyImport.Import(input, _root, "Tiny", _time);

            // Assert
            act.Should().Throw<InvalidDataException>().WithMessage(message);
            (Directory.Exists(_root) ? Directory.GetDirectories(_root) : []).Should().BeEmpty();
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Import_StudyResults_ReproducesTheStudysFiguresAndTheCorrectedOnes()
    {
        // Arrange
        var file = SeedStudyTestFiles.RequireStudyResults();

        // Act
        var run = RunDataReader.Read(SeedStudyImport.Import(file, _root, SeedStudyImport.DefaultModel, _time));

        // Assert: the study's own figures, where the method is the same ...
        run.Cases.Should().HaveCount(256);
        run.Samples.Should().HaveCount(run.Cases.Sum(c => c.Energy!.Window.SampleCount));
        var study = run.SeedAnalysis!.Study;
        study.MeanInferenceTimeSeconds.Should().BeApproximately(4.171, 0.0005);
        study.TokensPerSecond.Should().BeApproximately(110.09, 0.005);
        study.GpuEnergyPerResponseJoules.Should().BeApproximately(57.98, 0.005);
        // ... and the corrected ones beside them.
        run.SeedAnalysis.Project.TokensPerSecondRatioOfTotals.Should().BeApproximately(100.61, 0.005);
        run.SeedAnalysis.Project.SampleCoverage.Should().BeInRange(0.88, 0.92);
        var summary = RunSummary.Of(run.RunId, run.Cases).Models.Should().ContainSingle().Subject;
        summary.Model.Should().Be("Llama 3.2 1B Instruct");
        summary.Metrics[MetricNames.JoulesPerResponse].Mean.Should().BeApproximately(68.16, 0.005);
        summary.Metrics[MetricNames.JoulesPerResponse].Mean.Should().BeApproximately(run.SeedAnalysis.Project.AllDomainsEnergyPerResponseJoules, 1e-6);
        run.Cases.Average(c => c.Completion!.WallSeconds).Should().BeApproximately(study.MeanInferenceTimeSeconds, 1e-9);
        run.Cases[^1].Completion!.EndS.Should().BeApproximately(run.Cases.Sum(c => c.Completion!.WallSeconds), 1e-6);
    }

    [Fact]
    public void Import_ChineseAnswer_CountsDictionaryWordsAndRecordsTheRule()
    {
        // Arrange: field input 3: a 57-character Chinese answer (52 Han, 5 punctuation marks), 38 tokens in 1.0 s.
        var input = Path.Combine(Path.GetTempPath(), "slmbench-zh-" + Guid.NewGuid().ToString("N") + ".json");
        var record = new JsonObject
        {
            ["inferenceTime"] = 1000,
            ["input"] = "描述一下公园里的一天。",
            ["inputLength"] = 11,
            ["inputToken"] = 12,
            ["output"] = FieldAnswers.Chinese,
            ["outputLength"] = 57,
            ["outputToken"] = 38,
            ["energyMetrics"] = new JsonArray(new JsonObject
            {
                ["batteryPercentage"] = 100,
                ["cpuPowerMw"] = 1000,
                ["gpuPowerMw"] = 10000,
                ["combinedPowerMw"] = 11000,
                ["timeElapsed"] = 0,
            }),
        };
        File.WriteAllText(input, new JsonArray(record).ToJsonString());

        try
        {
            // Act
            var run = RunDataReader.Read(SeedStudyImport.Import(input, _root, "Tiny", _time));

            // Assert: dictionary words (ICU 78 counts 32 independently), never 1; characters stay 57.
            var c = run.Cases.Should().ContainSingle().Subject;
            (c.Completion!.WordCount, c.Completion.WordRule, c.Completion.CharacterCount).Should().Be((FieldAnswers.ChineseDictionaryWords, "uax29-icu-dictionary", 57));
            c.WordsPerSecond.Should().BeApproximately(FieldAnswers.ChineseDictionaryWords / 1.0, Exact);
            c.TokensPerSecond.Should().BeApproximately(38, Exact);
            run.SeedAnalysis!.Project.WordsPerSecond.Should().BeApproximately(32, Exact);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
