using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Unit.Resume;

public sealed class IdleDriftTests
{
    private static IdleMeasurement Idle(string label, double totalW) =>
        new(label, 0, 5, new Dictionary<string, double> { ["cpu"] = totalW / 2, ["total"] = totalW }, 50, 1);

    [Fact]
    public void Check_TwelvePercentAboveTheSameModelsEarlierIdle_WarnsWithBothFigures()
    {
        var earlier = new[] { Idle("before a", 5.0), Idle("before b", 8.0) };

        var warning = IdleDrift.Check(earlier, Idle("before b", 8.96), 10);

        // (8.96 - 8.00) / 8.00 = +12.0 %, against the same label's 8.00 W (not the later-listed other model's).
        warning.Should().StartWith("Idle power drifted between segments: total 8.00 W (before b, earlier segment) -> 8.96 W (before b, this segment), +12.0%, beyond Protocol:IdleDriftPercent = 10%.");
    }

    [Fact]
    public void Check_WithinTheThreshold_SaysNothing()
    {
        IdleDrift.Check([Idle("before a", 5.0)], Idle("before a", 5.45), 10).Should().BeNull("+9% is within 10%");
        IdleDrift.Check([], Idle("before a", 50), 10).Should().BeNull("a new run has no earlier segment");
    }

    [Fact]
    public void Check_NoEarlierIdleOfThatModel_ComparesWithTheLatestEarlierOne()
    {
        var warning = IdleDrift.Check([Idle("before a", 5.0), Idle("after the last case", 4.0)], Idle("before c", 3.0), 10);

        warning.Should().Contain("total 4.00 W (after the last case, earlier segment) -> 3.00 W (before c, this segment), -25.0%");
    }
}
