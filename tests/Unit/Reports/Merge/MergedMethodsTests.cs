using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>Machines measured and estimated stay apart: each row and legend keeps its method, and the notes say when figures compare.</summary>
public sealed class MergedMethodsTests
{
    [Fact]
    public void Markdown_MeasuredBesideEstimated_MarksOnlyTheEstimatedFiguresAndSaysTheMethodsDiffer()
    {
        // Arrange: the fixed run twice, once marked measured, once estimated (the same figures, so only the method tells them apart).
        var measured = RunCopies.WithMethod("measured");
        var estimated = RunCopies.Estimated();
        var merged = MergeReader.Read([measured, estimated], f => f, []);

        // Act
        var md = MergedMarkdown.Render(merged, []);

        // Assert
        merged.Machines.Select(m => m.Legend).Should().Equal(
            "Intel Xeon Processor · fake GPT4All · powermetrics (measured)", "Intel Xeon Processor · fake GPT4All · powermetrics (ESTIMATED)");
        md.Should().Contain("| Llama 3.2 1B Instruct | Intel Xeon Processor · fake GPT4All · powermetrics (measured) | powermetrics | cpu + gpu + ane | measured | 4 | 0 |")
            .And.Contain("| Llama 3.2 1B Instruct | Intel Xeon Processor · fake GPT4All · powermetrics (ESTIMATED) | powermetrics | cpu + gpu + ane | ESTIMATED | 4 | 0 |")
            .And.Contain("Methods differ: only a measured figure comes from this machine's counters")
            .And.NotContain("Domains differ");
        var rows = md.Split('\n').Where(l => l.StartsWith("| Llama 3.2 1B Instruct |", StringComparison.Ordinal)).ToArray();
        rows.Should().HaveCount(2);
        rows[0].Should().NotContain("\\~", "a measured figure carries no mark");
        rows[1].Should().Contain("| \\~5.539 [\\~1.38, \\~9.697] |", "every estimated energy figure carries ~ (escaped in Markdown)");
    }

    [Fact]
    public void Comparability_SameMeterDomainsAndMethod_SaysTheFiguresMayBeSetSideBySide()
    {
        // Arrange
        var runs = ThreeMachines.Make();
        var merged = MergeReader.Read([runs.Fake, runs.Synthetic], f => f, []);

        // Act
        var notes = MergedNotes.Comparability(merged);

        // Assert
        notes[0].Should().Be("Every machine's energy comes from the powermetrics meter over the same domains (CPU + GPU + Neural Engine), "
                             + "SIMULATED by a fake meter that the suite ships, not measured on any hardware: their figures may be set side by side, each for its own hardware.");
        notes.Should().NotContain(n => n.StartsWith("Methods differ", StringComparison.Ordinal) || n.StartsWith("Domains differ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gpu", "the GPU alone")]
    [InlineData("package + dram", "CPU package + DRAM")]
    [InlineData("total", "the meter's total")]
    [InlineData("cpu + gpu + ane", "CPU + GPU + Neural Engine")]
    public void Coverage_Domains_SaysWhatTheyCoverInWords(string components, string words)
    {
        // Act
        var coverage = MergedNotes.Coverage(components);

        // Assert
        coverage.Should().Be(words);
    }
}
