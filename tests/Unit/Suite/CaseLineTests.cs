using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Unit.Suite;

public sealed class CaseLineTests
{
    [Fact]
    public void Format_EstimatedEnergy_MarksEveryFigureAndSaysEstimated()
    {
        var line = CaseLine.Format(Record(EnergyMethod.Estimated));

        line.Should().Contain("cpu ~12.500 J, total ~12.500 J | ~6.25 W avg, ~7.00 W peak | estimate, ESTIMATED");
    }

    [Fact]
    public void Format_MeasuredEnergy_HasNoEstimateMarks()
    {
        var line = CaseLine.Format(Record(EnergyMethod.Measured));

        line.Should().Contain("cpu 12.500 J, total 12.500 J | 6.25 W avg, 7.00 W peak | estimate, measured").And.NotContain("~");
    }

    private static CaseRecord Record(EnergyMethod method) => new()
    {
        RunId = "r",
        Model = "synthetic-1b-scaled",
        PromptOrdinal = 0,
        PromptDatasetIndex = 0,
        PromptText = "p",
        Outcome = "passed",
        Energy = new CaseEnergy(
            new EnergyProvenance("estimate", [Domains.Cpu, Domains.Total], method, "/proc/stat", "model"),
            new WindowEnergy(0, 2, new Dictionary<string, DomainEnergy> { [Domains.Cpu] = new(12.5, 6.25, 7), [Domains.Total] = new(12.5, 6.25, 7) }, 20, 1)),
    };
}
