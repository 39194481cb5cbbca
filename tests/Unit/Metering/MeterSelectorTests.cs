using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>Meter selection on fake trees and a scripted NVML; nothing here depends on this machine's hardware.</summary>
public sealed class MeterSelectorTests : IDisposable
{
    private readonly SessionClock _clock = new(new FakeTimeProvider());
    private readonly FakePowercap _tree = new();
    private readonly FakeProcStat _stat = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _tree.Dispose();
        _stat.Dispose();
    }

    private MeterOptions Options(string kind) => new()
    {
        Kind = kind,
        RaplRoot = _tree.Root,
        ProcStatPath = _stat.Path,
    };

    private static INvml NoNvml() => throw new MeterException("nvml: no NVIDIA driver/NVML found: scripted.");

    private static INvml OneGpu()
    {
        var nvml = new ScriptedNvml("GPU A");
        nvml.CounterMj[0] = 0;
        return nvml;
    }

    [Fact]
    public async Task ChooseAsync_AutoWithAReadableRaplTree_PicksRapl()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0");

        // Act
        var choice = await MeterSelector.ChooseAsync(Options(MeterKinds.Auto), _tree.Root, _clock, NoNvml, Ct);
        await using var meter = choice.Meter;

        // Assert
        meter.Should().BeOfType<RaplMeter>();
        choice.Why.Should().Be(
            $"auto: rapl for the CPU (RAPL: 1 readable zone(s) under {_tree.Root} (intel-rapl:0 package-0)); no GPU meter. Not picked: nvml: nvml: no NVIDIA driver/NVML found: scripted.");
    }

    [Fact]
    public async Task ChooseAsync_AutoWithRaplAndAGpu_CombinesRaplAndNvml()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0");

        // Act
        var choice = await MeterSelector.ChooseAsync(Options(MeterKinds.Auto), _tree.Root, _clock, OneGpu, Ct);
        await using var meter = choice.Meter;

        // Assert
        var composite = meter.Should().BeOfType<CompositeMeter>().Subject;
        (composite.CpuSide, composite.GpuSide).Should().Match<(IPowerMeter Cpu, IPowerMeter Gpu)>(p => p.Cpu is RaplMeter && p.Gpu is NvmlMeter);
        choice.Why.Should().StartWith("auto: rapl for the CPU").And.EndWith("+ nvml for the GPU (nvml: 1 GPU(s) through scripted-nvml (0: GPU A)).");
    }

    [Fact]
    public async Task ChooseAsync_AutoWithoutRaplTree_PicksTheEstimateSayingRaplIsAbsent()
    {
        // Arrange
        var options = Options(MeterKinds.Auto);
        options.RaplRoot = Path.Combine(_tree.Root, "absent");

        // Act
        var choice = await MeterSelector.ChooseAsync(options, _tree.Root, _clock, NoNvml, Ct);
        await using var meter = choice.Meter;

        // Assert
        meter.Should().BeOfType<EstimateMeter>();
        choice.Why.Should().StartWith("auto: estimate for the CPU, ESTIMATED from utilization, not measured")
            .And.Contain($"Not picked: rapl: no RAPL here: {options.RaplRoot} does not exist");
    }

    [Fact]
    public async Task ChooseAsync_AutoWithoutRaplButWithAGpu_CombinesEstimateAndNvmlAsEstimated()
    {
        // Arrange: an empty powercap tree.

        // Act
        var choice = await MeterSelector.ChooseAsync(Options(MeterKinds.Auto), _tree.Root, _clock, OneGpu, Ct);
        await using var meter = choice.Meter;

        // Assert
        var composite = meter.Should().BeOfType<CompositeMeter>().Subject;
        composite.CpuSide.Should().BeOfType<EstimateMeter>();
        meter.Provenance.Method.Should().Be(EnergyMethod.Estimated);
        choice.Why.Should().Contain($"Not picked: rapl: no RAPL zones under {_tree.Root}");
    }

    [Fact]
    public async Task ChooseAsync_AutoWithNoCpuMeterButAGpu_ThrowsRatherThanMeasuringTheGpuAlone()
    {
        // Arrange
        var options = Options(MeterKinds.Auto);
        options.ProcStatPath = _stat.Path + ".absent";

        // Act
        var act = () => MeterSelector.ChooseAsync(options, _tree.Root, _clock, OneGpu, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should()
            .StartWith("auto: no CPU-side meter can run here. Not picked: rapl: no RAPL zones")
            .And.Contain("estimate: estimate: no CPU utilization source")
            .And.EndWith("NVML is available (nvml: 1 GPU(s) through scripted-nvml (0: GPU A)) but measures the GPU only: set Meter:Kind = nvml to accept that.");
    }

    [Theory]
    [InlineData(MeterKinds.Rapl, typeof(RaplMeter))]
    [InlineData(MeterKinds.Nvml, typeof(NvmlMeter))]
    [InlineData(MeterKinds.Estimate, typeof(EstimateMeter))]
    [InlineData(MeterKinds.Powermetrics, typeof(PowermetricsMeter))]
    public async Task ChooseAsync_ExplicitKind_CreatesThatMeterWithoutFallback(string kind, Type expected)
    {
        // Arrange: nothing is available (no RAPL zone, no NVML), yet the explicit kind is honoured.
        var options = Options(kind);

        // Act
        var choice = await MeterSelector.ChooseAsync(options, _tree.Root, _clock, NoNvml, Ct);
        await using var meter = choice.Meter;

        // Assert
        meter.Should().BeOfType(expected);
        choice.Why.Should().StartWith($"Meter:Kind = {kind} (explicit: no fallback).");
    }

    [Fact]
    public async Task ChooseAsync_UnknownKind_ThrowsListingTheKinds()
    {
        // Arrange
        var options = Options("wattmeter");

        // Act
        var act = () => MeterSelector.ChooseAsync(options, _tree.Root, _clock, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "Meter:Kind 'wattmeter' is not one of powermetrics, rapl, nvml, estimate, prometheus, auto.");
    }
}
