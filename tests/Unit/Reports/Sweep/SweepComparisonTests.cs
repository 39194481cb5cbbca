using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Unit.Reports.Sweep;

/// <summary>
/// <c>slmbench compare</c> of two sweeping runs: prompts pair within a point, never across points. Each run has 8 prompts (dataset
/// indexes 0 to 7, the same at every point) at concurrency 1 and 8; run B's requests at concurrency 8 took 1.5 times the energy.
/// </summary>
public sealed class SweepComparisonTests
{
    private static readonly RegressionOptions Options = new();

    [Fact]
    public void Compare_TwoSweeps_PairsPromptsWithinEachPoint()
    {
        // Arrange
        var a = Run(SweepRuns.Concurrency, 1.0);
        var b = Run(SweepRuns.Concurrency, 1.5);

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert: concurrency 1 is unchanged (x1), concurrency 8 costs x1.5 at every prompt; latency is the same everywhere.
        comparisons.Select(c => c.Model).Should().Equal($"{SweepRuns.Model} / concurrency 1", $"{SweepRuns.Model} / concurrency 8");
        comparisons.Should().OnlyContain(c => c.Pairs == 8 && c.Latency.Kind == Verdict.Same);
        comparisons[0].Energy.Ratio.Should().BeApproximately(1.0, 1e-12);
        comparisons[0].Energy.Kind.Should().Be(Verdict.Same);
        comparisons[1].Energy.Ratio.Should().BeApproximately(1.5, 1e-12);
        comparisons[1].Energy.Kind.Should().Be(Verdict.Worse);
    }

    [Fact]
    public void Compare_SameSettingsUnderAnotherLabel_PairsBySettingsNotByLabel()
    {
        // Arrange: run B also swept temperature, so its points' labels name it ("temperature 0.7, concurrency 8"); the settings are A's.
        var a = Run(SweepRuns.Concurrency, 1.0);
        var b = Run(n => SweepRuns.Concurrency(n) with { Label = $"temperature 0.7, concurrency {n}" }, 1.5);

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert: nothing lost, each point paired with its counterpart.
        comparisons.Should().HaveCount(2).And.OnlyContain(c => !c.IsLost && c.Pairs == 8);
        comparisons[1].Model.Should().Be($"{SweepRuns.Model} / concurrency 8 (run B: {SweepRuns.Model} / temperature 0.7, concurrency 8)");
        comparisons[1].Energy.Ratio.Should().BeApproximately(1.5, 1e-12);
    }

    [Fact]
    public void Compare_PointMissingFromRunB_IsLost()
    {
        // Arrange
        var a = Run(SweepRuns.Concurrency, 1.0);
        var b = SweepRuns.With([.. a.Cases.Where(c => c.Point!.Concurrency == 1)], []);

        // Act
        var comparisons = RunComparison.Compare(a, b, Options);

        // Assert
        comparisons.Single(c => c.Model.EndsWith("concurrency 8", StringComparison.Ordinal)).IsLost.Should().BeTrue();
        comparisons.Single(c => c.Model.EndsWith("concurrency 1", StringComparison.Ordinal)).IsLost.Should().BeFalse();
    }

    /// <summary>8 prompts at concurrency 1 (prompt i: 10 + i J) and 8 (prompt i: (2 + i) x <paramref name="factor8"/> J), 2 s each.</summary>
    private static RunData Run(Func<int, SweepPoint> point, double factor8)
    {
        List<CaseRecord> cases = [];
        for (var i = 0; i < 8; i++)
        {
            cases.Add(SweepRuns.Case(point(1), i, 100, 10 + i, 2));
            cases.Add(SweepRuns.Case(point(8), i, 100, (2 + i) * factor8, 2));
        }

        return SweepRuns.With(cases, []);
    }
}
