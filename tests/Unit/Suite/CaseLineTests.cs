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

    [Theory]
    [InlineData(EnergyMethod.Simulated, "SIMULATED")]
    [InlineData(EnergyMethod.Imported, "IMPORTED")]
    public void Format_SimulatedOrImportedEnergy_SaysSoAndNeverMeasured(EnergyMethod method, string word)
    {
        var line = CaseLine.Format(Record(method) with { BackendSimulated = method == EnergyMethod.Simulated });

        line.Should().Contain($"| estimate, {word}, 20 samples").And.NotContain("measured").And.NotContain("~");
        if (method == EnergyMethod.Simulated)
            line.Should().EndWith(" | FAKE backend");
    }

    [Fact]
    public void Format_IdleAttributedEdges_ShowsTheEdgeShareAndTheProRataFigure()
    {
        var record = Record(EnergyMethod.Measured);
        var window = record.Energy!.Window with
        {
            EdgeRule = EdgeRules.IdleAttributed,
            ProRataJoules = new Dictionary<string, double> { [Domains.Cpu] = 12.1, [Domains.Total] = 12.1 },
            EdgeJoules = new Dictionary<string, double> { [Domains.Cpu] = 0.75, [Domains.Total] = 0.75 },
        };

        var line = CaseLine.Format(record with { Energy = record.Energy with { Window = window } });

        line.Should().Contain("| edges idle-attributed: 0.750 J of the total from edge samples (pro rata 12.100 J)");
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
