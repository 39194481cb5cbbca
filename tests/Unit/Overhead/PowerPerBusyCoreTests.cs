using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using static SlmEnergyBench.Unit.Overhead.HarnessRecords;

namespace SlmEnergyBench.Unit.Overhead;

/// <summary>W per busy core = Σ (E - P_idle x t) / Σ (busy cores x t), computed by hand on written records.</summary>
public sealed class PowerPerBusyCoreTests
{
    [Fact]
    public void Of_TwoCases_IsTheirPowerAboveIdleOverTheirBusyCoreSeconds()
    {
        // Arrange: a 2 s window of 10 J cpu at 1 W idle with 1.5 cores busy, a 1 s window of 6 J at 2 W idle with 1 core busy:
        // ((10 - 1 x 2) + (6 - 2 x 1)) / (1.5 x 2 + 1 x 1) = 12 J / 4 core-seconds = 3 W per busy core.
        var records = new[]
        {
            Case(2, cpuJ: 10, totalJ: 30, idleCpuW: 1, new CaseHarnessCost(2, 0.1, null, 1.5, 0.1)),
            Case(1, cpuJ: 6, totalJ: 20, idleCpuW: 2, new CaseHarnessCost(1, 0.1, null, 1.0, 0.1)),
        };

        // Act
        var p = PowerPerBusyCore.Of(records);

        // Assert: the cpu domain, not the total (a GPU's watts are not a CPU core's).
        p.WattsPerBusyCore.Should().BeApproximately(3, 1e-12);
        p.Domain.Should().Be(Domains.Cpu);
        p.Cases.Should().Be(2);
        p.Why.Should().BeNull();
    }

    [Fact]
    public void Of_CasesWithoutTheMachinesBusyCores_AreLeftOut()
    {
        // Arrange: only the first has them: (10 - 2) / (1.5 x 2) = 2.667 W.
        var records = new[]
        {
            Case(2, cpuJ: 10, totalJ: 30, idleCpuW: 1, new CaseHarnessCost(2, 0.1, null, 1.5, 0.1)),
            Case(1, cpuJ: 6, totalJ: 20, idleCpuW: 2, new CaseHarnessCost(1, 0.1, null, null, 0.1)),
            Case(1, cpuJ: 6, totalJ: 20, idleCpuW: 2, null),
        };

        // Act and assert
        PowerPerBusyCore.Of(records).WattsPerBusyCore.Should().BeApproximately(8.0 / 3, 1e-12);
    }

    [Fact]
    public void Of_PowerNotAboveIdle_HasNoEstimateAndSaysWhy()
    {
        // Arrange: 2 J over 2 s at 1 W idle.
        var records = new[] { Case(2, cpuJ: 2, totalJ: 6, idleCpuW: 1, new CaseHarnessCost(2, 0.1, null, 0.5, 0.1)) };

        // Act
        var p = PowerPerBusyCore.Of(records);

        // Assert
        p.WattsPerBusyCore.Should().BeNull();
        p.Why.Should().Be("the windows' cpu power was not above the idle power, so a busy core's power cannot be told from it");
    }

    [Fact]
    public void Of_NoUsableCase_HasNoEstimateAndSaysWhatIsMissing()
    {
        PowerPerBusyCore.Of([]).Why.Should().Contain("idle power").And.Contain("busy cores");
    }
}
