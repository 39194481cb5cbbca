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
        var p = PowerPerBusyCore.Of(records, logicalCores: 4);

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
        PowerPerBusyCore.Of(records, logicalCores: 4).WattsPerBusyCore.Should().BeApproximately(8.0 / 3, 1e-12);
    }

    [Fact]
    public void Of_PowerNotAboveIdle_HasNoEstimateAndSaysWhy()
    {
        // Arrange: 2 J over 2 s at 1 W idle.
        var records = new[] { Case(2, cpuJ: 2, totalJ: 6, idleCpuW: 1, new CaseHarnessCost(2, 0.1, null, 0.5, 0.1)) };

        // Act
        var p = PowerPerBusyCore.Of(records, logicalCores: 4);

        // Assert
        p.WattsPerBusyCore.Should().BeNull();
        p.Why.Should().Be("the windows' cpu power was not above the idle power, so a busy core's power cannot be told from it");
    }

    [Fact]
    public void Of_MachineSaturatedInTheWindows_HasNoEstimateAndSaysWhy()
    {
        // Arrange: 1.95 of 2 cores busy, at least 95% of them: (10 - 2) J over 3.9 core-seconds would read 2.05 W per core, but under
        // full load the power above idle no longer follows the busy cores.
        var records = new[] { Case(2, cpuJ: 10, totalJ: 30, idleCpuW: 1, new CaseHarnessCost(2, 0.1, null, 1.95, 0.1)) };

        // Act
        var p = PowerPerBusyCore.Of(records, logicalCores: 2);

        // Assert
        p.WattsPerBusyCore.Should().BeNull();
        p.Why.Should().Be("the machine was saturated in the windows (1.95 of 2 logical cores busy on average), so the power above idle does not follow the busy cores: run on a quiet machine");
    }

    [Fact]
    public void Of_EstimateMetersLinearModel_IsItsSlopePerLogicalCore()
    {
        // Arrange: P(u) = 8.5 + (85 - 8.5) u with u = busy cores / 2: each busy core adds 76.5 / 2 = 38.25 W, whatever the windows say.
        var model = new LinearPowerModel(IdleW: 8.5, TdpW: 85).Describe();
        var records = new[] { Case(2, cpuJ: 2, totalJ: 6, idleCpuW: 1, new CaseHarnessCost(2, 0.1, null, 1.99, 0.1)) };

        // Act
        var p = PowerPerBusyCore.Of(records, logicalCores: 2, model);

        // Assert
        p.WattsPerBusyCore.Should().Be(38.25);
        p.Formula.Should().Be(PowerPerBusyCore.ModelFormulaText);
        p.Basis.Should().Be("the estimate meter's model, (85 - 8.5) W / 2 logical cores");
    }

    [Fact]
    public void Of_NoUsableCase_HasNoEstimateAndSaysWhatIsMissing()
    {
        PowerPerBusyCore.Of([], logicalCores: 4).Why.Should().Contain("idle power").And.Contain("busy cores");
    }
}
