using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

public sealed class RunDataReaderTests
{
    [Fact]
    public void Read_FixedFakeRun_GivesManifestCasesSamplesAndSummary()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        run.RunId.Should().Be(ReportFixtures.FakeRunId);
        run.Manifest.Profile.Should().Be("fake");
        run.Cases.Should().HaveCount(12);
        run.Models.Should().Equal("Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Llama 3 8B Instruct");
        run.Samples.Should().NotBeEmpty().And.OnlyContain(s => s.EndS > s.StartS && s.EnergyJ.ContainsKey(Domains.Total));
        run.Summary.Models.Select(m => m.Passed).Should().Equal(4, 4, 4);
        run.Method.Should().Be(EnergyMethod.Simulated);
        run.EnergyDomains.Should().Equal(Domains.Cpu, Domains.Gpu, Domains.Ane);
        run.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Read_TruncatedLastCaseLine_KeepsTheOthersAndWarns()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var cases = Path.Combine(dir, RunDataReader.CasesFile);
        File.AppendAllText(cases, "{\"runId\":\"x\",\"model\":\"Llama");

        var run = RunDataReader.Read(dir);

        run.Cases.Should().HaveCount(12);
        run.Warnings.Should().ContainSingle().Which.Should().Contain("line 13").And.Contain("incomplete");
    }

    [Fact]
    public void Read_BadLineInTheMiddle_LeavesItOutWithAWarningNamingFileAndLine()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var samples = Path.Combine(dir, RunDataReader.SamplesFile);
        var lines = File.ReadAllLines(samples);
        lines[2] = "not json";
        File.WriteAllLines(samples, lines);

        var run = RunDataReader.Read(dir);

        run.Samples.Should().HaveCount(lines.Length - 1);
        run.Cases.Should().HaveCount(12);
        run.Warnings.Should().ContainSingle().Which.Should().Contain("samples.jsonl, line 3: not a valid record, left out");
    }

    [Fact]
    public void Read_PassedCaseWithoutCompletionOrEnergy_KeepsItAndSaysWhichFiguresLeaveItOut()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var lines = File.ReadAllLines(path);
        var first = System.Text.Json.Nodes.JsonNode.Parse(lines[0])!.AsObject();
        first.Remove("completion");
        var second = System.Text.Json.Nodes.JsonNode.Parse(lines[1])!.AsObject();
        second["energy"] = null;
        lines[0] = first.ToJsonString();
        lines[1] = second.ToJsonString();
        File.WriteAllLines(path, lines);

        var run = RunDataReader.Read(dir);

        run.Cases.Should().HaveCount(12);
        run.Warnings.Should().HaveCount(2);
        run.Warnings[0].Should().Contain("cases.jsonl, line 1").And.Contain("without a completion");
        run.Warnings[1].Should().Contain("cases.jsonl, line 2").And.Contain("without total energy");
    }

    [Fact]
    public void Read_NotARunFolder_SaysWhatARunFolderHolds()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;

        var act = () => RunDataReader.Read(dir);

        act.Should().Throw<RunDataException>().WithMessage("*run.json: missing. A run folder holds run.json, cases.jsonl and samples.jsonl*");
        ((Action)(() => RunDataReader.Read(Path.Combine(dir, "nope")))).Should().Throw<RunDataException>().WithMessage("*no such run folder*");
    }
}
