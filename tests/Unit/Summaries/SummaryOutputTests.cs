using SlmEnergyBench.Harness.Summaries;
using Snapshooter.Xunit3;
using static SlmEnergyBench.Unit.Summaries.SummaryCases;

namespace SlmEnergyBench.Unit.Summaries;

/// <summary>
/// Pins <c>summary.json</c> and the summary text on a fixed run. A change here is a change of the file format:
/// accept it deliberately (delete the snapshot and rerun).
/// </summary>
public sealed class SummaryOutputTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("summary-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Write_FixedRun_MatchesTheSnapshotAndLeavesNoTempFile()
    {
        var cases = Differing()
            .Append(Case(3, joules: 1000, tokens: 1, seconds: 50, outcome: "failed"))
            .Append(Case(0, joules: 5, tokens: 20, seconds: 0.5, meter: Estimated, timings: false, model: "Qwen2 1.5B Instruct"))
            .ToArray();

        var path = SummaryWriter.Write(_directory.FullName, RunSummary.Of("20261126-101500-fake", cases));

        path.Should().Be(Path.Combine(_directory.FullName, "summary.json"));
        _directory.GetFiles().Select(f => f.Name).Should().Equal("summary.json");
        Snapshot.Match(File.ReadAllText(path));
    }

    [Fact]
    public void Format_MeasuredSummary_MatchesTheSnapshot()
    {
        var cases = Differing().Append(Case(3, joules: 1000, tokens: 1, seconds: 50, outcome: "failed")).ToArray();

        Snapshot.Match(SummaryText.Format(ModelSummaries.Of(Model, cases)));
    }

    [Fact]
    public void Format_EstimatedSummary_MarksEveryEnergyFigure()
    {
        var text = SummaryText.Format(ModelSummaries.Of(Model, Differing(Estimated)));

        var first = text.Split('\n')[0];
        first.Should().Contain("J/response ~20 [~").And.Contain("J/token ~0.75 (ratio of totals), ~1.167 (mean of ratios)")
            .And.EndWith("ESTIMATED (estimate)");
        text.Should().Contain("J/response: mean ~20").And.Contain("latency s: mean 2 [").And.NotContain("measured");
    }

    [Fact]
    public void Format_CpuAndGpuDomains_GivesALinePerDomainAfterEachTotal()
    {
        var lines = SummaryText.Format(ModelSummaries.Of(Model, Differing())).Split('\n');

        var total = Array.FindIndex(lines, l => l.StartsWith("  J/response: mean 20 ", StringComparison.Ordinal));
        total.Should().BePositive();
        lines[total + 1].Should().StartWith("  J/response cpu: mean 5 [");
        lines[total + 2].Should().StartWith("  J/response gpu: mean 15 [");
        lines.Should().Contain(l => l.StartsWith("  average W gpu: mean 7.5 [", StringComparison.Ordinal));
    }
}
