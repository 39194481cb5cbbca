using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;
using Snapshooter.Xunit3;
using static SlmEnergyBench.Unit.Summaries.SummaryCases;

namespace SlmEnergyBench.Unit.Summaries;

public sealed class BaselineStoreTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);

    private static readonly MachineInfo Machine =
        new("bench-1", "Ubuntu 24.04.1 LTS", "x64", 2, "AMD EPYC 7B13 64-Core Processor", 8L << 30, ".NET 10.0.0");

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("baselines-");

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData("AMD EPYC 7B13 64-Core Processor", 2, "amd-epyc-7b13-2c")]
    [InlineData("Intel(R) Xeon(R) CPU @ 2.20GHz", 8, "intel-xeon-2-20ghz-8c")]
    [InlineData("Intel(R) Core(TM) i7-9750H CPU @ 2.60GHz", 12, "intel-core-i7-9750h-2-60ghz-12c")]
    public void MachineKey_CpuModel_IsSanitized(string cpu, int cores, string expected)
    {
        BaselineStore.MachineKey(Machine with { CpuModel = cpu, LogicalCores = cores }).Should().Be(expected);
    }

    [Fact]
    public void MachineKey_UnknownCpu_UsesOsAndArchitecture()
    {
        var machine = Machine with { CpuModel = null, Os = "Darwin 23.1.0 Darwin Kernel Version 23.1.0", Architecture = "arm64", LogicalCores = 10 };

        BaselineStore.MachineKey(machine).Should().Be("darwin-arm64-10c");
    }

    [Fact]
    public void PathFor_Parts_AreLaidOutAndFileSafe()
    {
        var path = BaselineStore.PathFor("/b", "amd-epyc-7b13-2c", "Quick", "Llama 3.2 1B Instruct (Q4_0)");

        path.Should().Be(Path.Combine("/b", "amd-epyc-7b13-2c", "quick", "llama-3-2-1b-instruct-q4-0.json"));
    }

    [Fact]
    public void SaveThenLoad_Baseline_RoundTrips()
    {
        var baseline = Fixed();
        var path = BaselineStore.PathFor(_root.FullName, baseline.Machine, baseline.Profile, baseline.Model);

        BaselineStore.Save(path, baseline);
        var loaded = BaselineStore.Load(path);

        loaded.Should().BeEquivalentTo(baseline);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
    }

    [Fact]
    public void SaveThenLoad_SingleCase_KeepsTheUndefinedStandardDeviation()
    {
        var path = Path.Combine(_root.FullName, "one.json");
        var cases = new[] { Case(0, joules: 10, tokens: 10, seconds: 1) };

        BaselineStore.Save(path, BaselineStore.From("m", "quick", Model, "fake", Measured, "run", Created, cases));

        BaselineStore.Load(path)!.Summary.Metrics[MetricNames.LatencyS].StandardDeviation.Should().Be(double.NaN);
    }

    [Fact]
    public void From_Cases_KeepsPassedOnesInPromptOrder()
    {
        var cases = Differing().Reverse().Append(Case(3, joules: 1, tokens: 1, seconds: 1, outcome: "failed")).ToArray();

        var baseline = BaselineStore.From("m", "quick", Model, "fake", Measured, "run", Created, cases);

        baseline.Prompts.Should().Equal(
            new BaselinePoint(0, 0, 1, 10, 1, 8),
            new BaselinePoint(1, 10, 1, 20, 2, 16),
            new BaselinePoint(2, 20, 1, 30, 3, 24));
        baseline.Summary.Failed.Should().Be(1);
    }

    [Fact]
    public void Save_FixedBaseline_MatchesTheSnapshot()
    {
        var path = Path.Combine(_root.FullName, "b.json");

        BaselineStore.Save(path, Fixed());

        Snapshot.Match(File.ReadAllText(path));
    }

    [Fact]
    public void Load_BaselineWrittenBeforePerDomainFigures_LoadsWithNoDomains()
    {
        var path = Path.Combine(_root.FullName, "old.json");
        BaselineStore.Save(path, Fixed());
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var summary = node["summary"]!.AsObject();
        summary.Remove("domains");
        summary.Remove("joulesPerTokenRatioOfTotalsPerDomain");
        var metrics = summary["metrics"]!.AsObject();
        foreach (var name in metrics.Select(m => m.Key).Where(k => k.Contains('.', StringComparison.Ordinal)).ToArray())
            metrics.Remove(name);
        File.WriteAllText(path, node.ToJsonString());

        var loaded = BaselineStore.Load(path)!;

        loaded.Summary.Domains.Should().BeEmpty();
        loaded.Summary.JoulesPerTokenRatioOfTotalsPerDomain.Should().BeEmpty();
        loaded.Summary.Metrics[MetricNames.JoulesPerResponse].Mean.Should().Be(20);
        loaded.Summary.Method.Should().Be(Harness.Metering.EnergyMethod.Measured);
    }

    [Fact]
    public void Load_Absent_IsNull()
    {
        BaselineStore.Load(Path.Combine(_root.FullName, "none.json")).Should().BeNull();
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("{\"machine\": \"m\"}")]
    public void Load_CorruptFile_SaysWhichAndWhatToDo(string content)
    {
        var path = Path.Combine(_root.FullName, "corrupt.json");
        File.WriteAllText(path, content);

        var act = () => BaselineStore.Load(path);

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"The baseline {path} is corrupt: *. Delete it, or accept a new baseline over it.");
    }

    private static Baseline Fixed() =>
        BaselineStore.From(BaselineStore.MachineKey(Machine), "quick", Model, "fake", Measured, "20261126-101500-quick", Created, Differing());
}
