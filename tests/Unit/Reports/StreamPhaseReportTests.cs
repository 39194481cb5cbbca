using System.Xml.Linq;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>
/// The streaming/phase table and charts on the fixed fake run (which does not stream), and on the same run with every passed
/// case given a stream (first token 0.1 s after the start, then one every 0.05 s: every ITL 0.05 s) and a split of 1 J prefill
/// per prompt token and 0.5 J decode per output token.
/// </summary>
public sealed class StreamPhaseReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Table_RunWithoutStreams_IsLeftOut()
    {
        // Arrange
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        // Act & Assert
        StreamPhaseTable.Of(run).Should().BeNull();
        RunCharts.Render(run).Select(c => c.FileStem).Should().NotContain([StreamPhaseCharts.Latency, StreamPhaseCharts.PhaseEnergy]);
    }

    [Fact]
    public void Table_StreamedRun_ShowsEachUnitsMeansWithIntervals()
    {
        // Arrange
        var run = Streamed();

        // Act
        var table = StreamPhaseTable.Of(run)!;

        // Assert: every request's ITL p50 is 0.05 s, so the mean and its interval are 0.05; J/token exactly 1 and 0.5.
        table.Headers.Should().Equal("Model", "TTFT s", "ITL p50 s", "ITL p95 s", "ITL max s", "TPOT s", "Decode tok/s",
            "Prefill J/prompt token (split)", "Decode J/output token (split)");
        table.Rows.Should().HaveCount(run.Models.Count);
        table.Rows.Should().AllSatisfy(r =>
        {
            r[2].Should().Be("0.05 [0.05, 0.05]");
            r[7].Should().Be("1 [1, 1]");
            r[8].Should().Be("0.5 [0.5, 0.5]");
        });
    }

    [Fact]
    public void Charts_StreamedRun_DrawTtftItlAndPrefillDecodeBarsPerUnit()
    {
        // Arrange
        var run = Streamed();

        // Act
        var charts = RunCharts.Render(run);

        // Assert
        var latency = charts.Single(c => c.FileStem == StreamPhaseCharts.Latency);
        var energy = charts.Single(c => c.FileStem == StreamPhaseCharts.PhaseEnergy);
        Texts(latency).Should().Contain("ITL p50 0.05 s").And.Contain(t => t.StartsWith("TTFT ", StringComparison.Ordinal));
        Texts(energy).Should().Contain("prefill 1 J/tok").And.Contain("decode 0.5 J/tok");
        energy.Caption.Should().Contain("per prompt token").And.Contain("after the first");
    }

    private static string[] Texts(RenderedChart chart) =>
        [.. XDocument.Parse(chart.Svg).Descendants(Svg + "text").Select(t => t.Value.Trim())];

    private static RunData Streamed()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var cases = run.Cases.Select(c =>
        {
            if (c.Outcome != "passed" || c.Completion is not { CompletionTokens: > 1 and var tokens, PromptTokens: { } prompt } completion)
                return c;
            var arrivals = Enumerable.Range(0, tokens).Select(i => new ChunkArrival(completion.StartS + 0.1 + (0.05 * i), 1)).ToArray();
            var end = Math.Max(completion.EndS, arrivals[^1].AtS);
            PhaseEnergy Phase(string name, double perToken, int n) => new()
            {
                Phase = name,
                StartS = completion.StartS,
                EndS = end,
                DurationS = 1,
                Tokens = n,
                Joules = new Dictionary<string, double> { [Domains.Total] = perToken * n },
            };
            return c with
            {
                Completion = completion with { EndS = end, Stream = StreamTimings.From(completion.StartS, end, arrivals, null, TokenCountSource.EngineCount) },
                Phases = new CasePhases { Split = new PhaseSplit(PhaseNames.SplitAtFirstToken, "pro rata", Phase(PhaseNames.Prefill, 1, prompt), Phase(PhaseNames.Decode, 0.5, tokens - 1)) },
            };
        }).ToArray();
        return run with { Cases = cases, Summary = RunSummary.Of(run.RunId, cases) };
    }
}
