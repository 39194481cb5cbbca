using SlmEnergyBench.Benchmarks.Reports;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Benchmarks.Reports;

/// <summary>The report benchmarks' generated runs: what the product's reader gets back from them.</summary>
public sealed class SyntheticRunTests
{
    [Theory]
    [InlineData(36, 4, 9, 1)]
    [InlineData(768, 4, 48, 4)]
    [InlineData(10_000, 4, 500, 5)]
    public void For_BenchmarkSizes_SplitsIntoFourModelsPromptsAndRepetitions(int cases, int models, int prompts, int repetitions)
    {
        // Act
        var shape = RunShape.For(cases);

        // Assert
        shape.Should().Be(new RunShape(models, prompts, repetitions));
        shape.Cases.Should().Be(cases);
    }

    [Fact]
    public void For_NotAMultipleOfFour_Throws()
    {
        // Act
        var act = () => RunShape.For(30);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*multiple of 4*");
    }

    [Fact]
    public void Write_TwoModelsFivePromptsThreeRepetitions_ReadsBackThirtyCasesWithTheEighteenthFailed()
    {
        // Arrange
        var root = Directory.CreateTempSubdirectory("slmbench-synthetic-").FullName;

        // Act
        var run = RunDataReader.Read(SyntheticRun.Write(root, new RunShape(2, 5, 3)));

        // Assert: cases 1-15 are the first model's, 16-30 the second's; case 18 (the second's 3rd) timed out.
        run.Warnings.Should().BeEmpty();
        run.Cases.Should().HaveCount(30);
        run.Models.Should().Equal("Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct");
        run.Cases.Select(c => c.Repetition).Distinct().Should().Equal(1, 2, 3);
        run.Cases.Select(c => c.PromptOrdinal).Distinct().Should().HaveCount(5);
        run.Cases.Where(c => c.Outcome != "passed").Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Model = "Llama 3.2 3B Instruct", PromptOrdinal = 2, Repetition = 1, Completion = (object?)null, Energy = (object?)null });
        run.Summary.Models.Select(m => (m.Passed, m.Failed)).Should().Equal((15, 0), (14, 1));
        run.Manifest.CasesPlanned.Should().Be(30);
        run.Manifest.Idle.Select(i => i.Label).Should().Equal("before Llama 3.2 1B Instruct", "before Llama 3.2 3B Instruct", "after the last case");
        File.Exists(Path.Combine(run.Directory, "summary.json")).Should().BeTrue();
    }

    [Fact]
    public void Write_PassedCase_HasAStreamAPhaseSplitAndTheSamplesEnergyOverItsWindow()
    {
        // Arrange
        var root = Directory.CreateTempSubdirectory("slmbench-synthetic-").FullName;

        // Act
        var run = RunDataReader.Read(SyntheticRun.Write(root, new RunShape(1, 4, 1)));

        // Assert: the window's total is the samples' energy inside it (pro rata at the edges), recomputed here from samples.jsonl.
        var c = run.Cases[0];
        c.Outcome.Should().Be("passed");
        c.Completion!.Stream!.TimeToFirstTokenS.Should().BeGreaterThan(0);
        c.Completion.Stream.OutputTokens.Should().Be(c.Completion.CompletionTokens);
        c.Phases!.Split!.Prefill.Tokens.Should().Be(c.Completion.PromptTokens);
        var (start, end) = (c.Completion.StartS, c.Completion.EndS);
        var inside = run.Samples.Sum(s => s.EnergyJ[Domains.Total] * Math.Max(0, Math.Min(s.EndS, end) - Math.Max(s.StartS, start)) / s.DurationS);
        c.Energy!.Window.ProRataJoules[Domains.Total].Should().BeApproximately(inside, 1e-9);
        inside.Should().BeGreaterThan(10 * (end - start), "a request draws the model's active power, over 15 W, not the idle 0.65 W");
        run.Samples.Should().OnlyContain(s => s.DurationS > 0.098 && s.DurationS < 0.102);
    }

    [Fact]
    public void Get_Twice_WritesTheRunOnceAndGivesTheSameFolder()
    {
        // Arrange
        var root = Directory.CreateTempSubdirectory("slmbench-runcache-").FullName;
        var first = RunCache.Get(root, 8);
        var written = File.GetLastWriteTimeUtc(Path.Combine(first, RunDataReader.CasesFile));

        // Act
        var second = RunCache.Get(root, 8);

        // Assert
        second.Should().Be(first);
        File.GetLastWriteTimeUtc(Path.Combine(second, RunDataReader.CasesFile)).Should().Be(written);
        RunDataReader.Read(second).Cases.Should().HaveCount(8);
    }
}
