using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Reports;

public sealed class RunComparisonTests
{
    private static readonly RegressionOptions Options = new();

    [Fact]
    public void Compare_WideRunWithItself_IsSameWithRatioOne()
    {
        // Arrange
        var run = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());

        // Act
        var comparisons = RunComparison.Compare(run, run, Options);

        // Assert
        comparisons.Select(c => c.Model).Should().Equal(run.Models);
        comparisons.Should().HaveCount(3).And.OnlyContain(c =>
            c.Pairs == 12 && c.Energy.Kind == Verdict.Same && c.Latency.Kind == Verdict.Same && !c.IsWorse);
        comparisons.Should().OnlyContain(c => Math.Abs(c.Energy.Ratio!.Value - 1) < 1e-12 && Math.Abs(c.Latency.Ratio!.Value - 1) < 1e-12);
    }

    [Fact]
    public void Compare_EveryCase20PercentHungrierAndSlower_IsWorseForEnergyAndLatency()
    {
        // Arrange
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var b = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun(c => RunComparisonFixtures.Scale(c, 1.2)));

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert
        comparisons.Should().HaveCount(3).And.OnlyContain(c => c.Energy.Kind == Verdict.Worse && c.Latency.Kind == Verdict.Worse && c.IsWorse);
        comparisons.Should().OnlyContain(c => Math.Abs(c.Energy.Ratio!.Value - 1.2) < 1e-9 && Math.Abs(c.Latency.Ratio!.Value - 1.2) < 1e-9);
        comparisons[0].Energy.Message.Should().StartWith("worse: energy x1.200");

        // And the other way round: A is better than B.
        RunComparison.Compare(b, a, Options).Should().OnlyContain(c => c.Energy.Kind == Verdict.Better && c.Latency.Kind == Verdict.Better);
    }

    [Fact]
    public void Compare_AnotherMeter_EnergyIsNaWithTheReasonButLatencyIsStillCompared()
    {
        // Arrange
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var other = RunComparisonFixtures.WideCopyOfFakeRun();
        RunComparisonFixtures.SetMeter(other, "rapl");
        var b = RunDataReader.Read(other);

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert
        comparisons.Should().HaveCount(3).And.OnlyContain(c =>
            c.Energy.Kind == Verdict.NA && c.Latency.Kind == Verdict.Same && c.Pairs == 12 && !c.IsRegression);
        comparisons[0].Energy.Message.Should().Be(
            "NA: run A's energy came from powermetrics (simulated, cpu+gpu+ane+total), run B's from rapl (simulated, cpu+gpu+ane+total) "
            + "(meter, method or domains differ): energies of different meters are not comparable");
        comparisons[0].Latency.Message.Should().StartWith("same: latency x1.000");
    }

    [Fact]
    public void Compare_SimulatedRunWithAMeasuredOne_EnergyIsNaForTheMethodButLatencyIsStillCompared()
    {
        // Arrange: the same meter, domains and figures; only the method differs.
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var measured = RunComparisonFixtures.WideCopyOfFakeRun();
        RunComparisonFixtures.SetMethod(measured, "measured");
        var b = RunDataReader.Read(measured);

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert
        comparisons.Should().HaveCount(3).And.OnlyContain(c => c.Energy.Kind == Verdict.NA && c.Energy.Ratio == null && c.Latency.Kind == Verdict.Same);
        comparisons[0].Energy.Message.Should().Be(
            "NA: run A's energy came from powermetrics (simulated, cpu+gpu+ane+total), run B's from powermetrics (measured, cpu+gpu+ane+total) "
            + "(meter, method or domains differ): energies of different meters are not comparable");
    }

    [Fact]
    public void Compare_SameMeterButTheCasesOfRunBMeasured_EnergyIsNaForTheCasesMethods()
    {
        // Arrange: run.json says simulated in both, but run B's cases say measured (a hand-edited or mixed run).
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var mixed = RunComparisonFixtures.WideCopyOfFakeRun();
        RunComparisonFixtures.SetMethod(mixed, "measured");
        RunComparisonFixtures.SetMethod(mixed, "simulated", casesToo: false);
        var b = RunDataReader.Read(mixed);

        // Act
        var comparison = RunComparison.Compare(a, b, Options)[0];

        // Assert
        comparison.Energy.Kind.Should().Be(Verdict.NA);
        comparison.Energy.Message.Should().Be(
            "NA: run A's Llama 3.2 1B Instruct energy is SIMULATED, run B's measured: figures of different methods are never compared");
        comparison.Latency.Kind.Should().Be(Verdict.Same);
    }

    [Fact]
    public void Compare_ModelMissingFromRunB_IsLostAndOnlyInRunBIsNa()
    {
        // Arrange
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var b = a with { Cases = [.. a.Cases.Where(c => c.Model != "Llama 3 8B Instruct")] };

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert
        var missing = comparisons.Single(c => c.Model == "Llama 3 8B Instruct");
        missing.IsLost.Should().BeTrue();
        missing.IsRegression.Should().BeTrue();
        missing.Energy.Message.Should().Be($"lost: missing from run B ({a.RunId})");
        comparisons.Where(c => c.Model != "Llama 3 8B Instruct").Should().OnlyContain(c => !c.IsLost);
        var onlyInB = RunComparison.Compare(b, a, Options).Single(c => c.Model == "Llama 3 8B Instruct");
        onlyInB.Latency.Message.Should().Be($"NA: only in run B ({a.RunId})");
        onlyInB.IsLost.Should().BeFalse();
        onlyInB.IsRegression.Should().BeFalse();
    }

    [Fact]
    public void Compare_EveryCaseOfAModelFailedInRunB_IsLostWithTheFailedCount()
    {
        // Arrange
        const string model = "Llama 3 8B Instruct";
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var b = a with { Cases = [.. a.Cases.Select(c => c.Model == model ? c with { Outcome = "failed" } : c)] };
        var failed = b.Cases.Count(c => c.Model == model);

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert
        failed.Should().BePositive();
        var lost = comparisons.Single(c => c.Model == model);
        lost.IsLost.Should().BeTrue();
        lost.Pairs.Should().Be(0);
        lost.Energy.Message.Should().Be($"lost: run B has no passed case of {model} ({failed} failed)").And.NotContain("baseline");
        lost.Latency.Message.Should().Be(lost.Energy.Message);
    }

    [Fact]
    public void Compare_EveryCaseOfAModelFailedInRunA_IsNaSayingRunAHasNoPassedCase()
    {
        // Arrange
        const string model = "Llama 3 8B Instruct";
        var b = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var a = b with { Cases = [.. b.Cases.Select(c => c.Model == model ? c with { Outcome = "failed" } : c)] };

        // Act
        var comparison = RunComparison.Compare(a, b, Options).Single(c => c.Model == model);

        // Assert
        comparison.IsLost.Should().BeFalse();
        comparison.Energy.Kind.Should().Be(Verdict.NA);
        comparison.Energy.Message.Should().Be($"NA: run A has no passed case of {model} ({a.Cases.Count(c => c.Model == model)} failed)");
    }

    [Fact]
    public void Compare_TheFixedRunsFourPrompts_AreTooFewPairs()
    {
        // Arrange
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        // Act
        var comparisons = RunComparison.Compare(run, run, Options);

        // Assert
        comparisons.Should().OnlyContain(c => c.Pairs == 4 && c.Energy.Kind == Verdict.NA && c.Energy.Message == "NA: 4 pairs, at least 6 needed");
    }

    [Fact]
    public void Markdown_NamesBothRunsTheirMetersAndOneRowPerModel()
    {
        // Arrange
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var b = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun(c => RunComparisonFixtures.Scale(c, 1.2)));

        // Act
        var text = RunComparisonText.Markdown(a, b, RunComparison.Compare(a, b, Options), Options);

        // Assert
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        lines[0].Should().StartWith($"Run B `{b.RunId}` ({b.Directory}; meter powermetrics (simulated, cpu+gpu+ane+total))");
        lines[1].Should().Contain("meter powermetrics (simulated, cpu+gpu+ane+total)");
        text.Should().NotContain("Measured").And.NotContain("Lost in run B");
        lines[1].Should().StartWith($"compared with run A `{a.RunId}` ({a.Directory}");
        lines[2].Should().StartWith("Ratio = B / A");
        text.Should().Contain("| model | pairs | energy verdict | energy ratio [CI] | latency verdict | latency ratio [CI] | message |");
        text.Should().Contain("| Llama 3.2 1B Instruct | 12 | worse | x1.200 [1.200, 1.200] | worse | x1.200 [1.200, 1.200] | worse: energy x1.200");
        lines.Count(l => l.StartsWith("| Llama", StringComparison.Ordinal)).Should().Be(3);
    }

    [Fact]
    public void Markdown_ModelLostByRunB_PrintsLostVerdictsAndNamesItBelowTheTable()
    {
        // Arrange
        const string model = "Llama 3 8B Instruct";
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun());
        var b = a with { Cases = [.. a.Cases.Where(c => c.Model != model)] };

        // Act
        var text = RunComparisonText.Markdown(a, b, RunComparison.Compare(a, b, Options), Options);

        // Assert
        text.Should().Contain($"| {model} | 0 | lost | - | lost | - | lost: missing from run B ({b.RunId}) |");
        text.Should().Contain($"Lost in run B (1 of run A's models, a regression): {model}.");
    }

    [Fact]
    public void Compare_RunsOfTwoRuntimes_ComparesRuntimeByModelAndAnotherRuntimeIsAnotherUnit()
    {
        // Arrange: every case of run A and B is one runtime's ("ollama"), B's 20% hungrier and slower; run C measured another runtime.
        var a = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun(c => c["runtime"] = "ollama"));
        var b = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun(c =>
        {
            c["runtime"] = "ollama";
            RunComparisonFixtures.Scale(c, 1.2);
        }));
        var c = RunDataReader.Read(RunComparisonFixtures.WideCopyOfFakeRun(c => c["runtime"] = "llama-server"));

        // Act
        var sameRuntime = RunComparison.Compare(a, b, Options);
        var otherRuntime = RunComparison.Compare(a, c, Options);

        // Assert
        sameRuntime.Select(x => x.Model).Should().Equal("ollama / Llama 3.2 1B Instruct", "ollama / Llama 3.2 3B Instruct", "ollama / Llama 3 8B Instruct");
        sameRuntime.Should().OnlyContain(x => x.Pairs == 12 && x.Energy.Kind == Verdict.Worse && Math.Abs(x.Energy.Ratio!.Value - 1.2) < 1e-9);
        otherRuntime.Where(x => x.Model.StartsWith("ollama / ", StringComparison.Ordinal)).Should().HaveCount(3).And.OnlyContain(x => x.IsLost);
        otherRuntime.Where(x => x.Model.StartsWith("llama-server / ", StringComparison.Ordinal)).Should().HaveCount(3).And.OnlyContain(x => !x.IsLost && x.Pairs == 0);
    }
}
