using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Fakes.Prometheus;
using static SlmEnergyBench.Unit.Fakes.Prometheus.ExporterSetup;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

public sealed class ExporterPowerTests
{
    [Fact]
    public void ScriptedEnergy_AcrossSteps_IsTheSumOfPowerTimesDuration()
    {
        // Arrange: gpu0 100 W, 300 W from T0+2, 0 W from T0+4.
        var power = Script().Set(T0 + 2, ExporterDomains.Gpu0, 300).Set(T0 + 4, ExporterDomains.Gpu0, 0);

        // Act
        var inside = power.EnergyJ(ExporterDomains.Gpu0, T0 + 1.5, T0 + 4.5);
        var backwards = power.EnergyJ(ExporterDomains.Gpu0, T0 + 4.5, T0 + 1.5);

        // Assert: 100 x 0.5 + 300 x 2 + 0 x 0.5 = 650 J
        inside.Should().Be(650);
        backwards.Should().Be(-650);
        power.PowerW(ExporterDomains.Gpu0, T0 + 3.999).Should().Be(300);
        power.PowerW(ExporterDomains.Gpu0, T0 + 4).Should().Be(0);
    }

    [Fact]
    public void ScriptedSet_BeforeTheLastStepOrUnknownDomain_ThrowsSayingWhy()
    {
        // Arrange
        var power = Script().Set(T0 + 2, ExporterDomains.Gpu0, 300);

        // Act
        var early = () => power.Set(T0 + 1, ExporterDomains.Gpu0, 10);
        var unknown = () => power.Set(T0 + 3, "gpu7", 10);
        var negative = () => power.Set(T0 + 3, ExporterDomains.Dram, -1);

        // Assert
        early.Should().Throw<ArgumentException>().WithMessage("*comes before its last step*in time order*");
        unknown.Should().Throw<ArgumentException>().WithMessage("Unknown domain 'gpu7': use one of gpu0, gpu1, package, dram.*");
        negative.Should().Throw<ArgumentException>().WithMessage("The power of 'dram' must be a finite number of watts >= 0, not -1.*");
    }

    [Fact]
    public async Task Metrics_BusyFilePower_FollowsTheFileWhileItExists()
    {
        // Arrange: idle 20 W GPU and 5 W CPU, 1.5 W DRAM; busy from T0+1 to T0+3 at 8000 mW CPU, 30000 mW GPU.
        var folder = Directory.CreateTempSubdirectory("slmbench-busy-").FullName;
        try
        {
            var busyFile = new BusyFile(Path.Combine(folder, "busy"));
            var time = Clock();
            var power = new BusyFileExporterPower(busyFile.Path, idleGpuW: 20, idleCpuW: 5, dramW: 1.5);
            using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power, Time = time });

            // Act
            time.Advance(1);
            busyFile.Write(8000, 30000);
            var busy = await ScrapeAsync(exporter);
            for (var i = 0; i < 4; i++)
                time.Advance(0.5);
            busyFile.Clear();
            var idle = await ScrapeAsync(exporter);
            time.Advance(1);
            var later = await ScrapeAsync(exporter);

            // Assert: gpu0 5000 + 20 + 30 x 2 + 20 x 1 J; package 5000 + 5 + 8 x 2 + 5 x 1 J; gpu1 and dram constant.
            ExpositionText.One(busy, "DCGM_FI_DEV_POWER_USAGE", "gpu", "0").Value.Should().Be(30);
            ExpositionText.One(idle, "DCGM_FI_DEV_POWER_USAGE", "gpu", "0").Value.Should().Be(20);
            ExpositionText.One(idle, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "0").Value.Should().Be(5_080_000);
            ExpositionText.One(later, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "0").Value.Should().Be(5_100_000);
            ExpositionText.One(later, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "1").Value.Should().Be(5_080_000);
            ExpositionText.One(later, "kepler_node_cpu_joules_total", "zone", "package").Value.Should().BeApproximately(5026, 1e-9);
            ExpositionText.One(later, "kepler_node_cpu_joules_total", "zone", "dram").Value.Should().BeApproximately(5006, 1e-9);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_UnreadableBusyFile_Answer500NamingTheFileAndItsFormat()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("slmbench-busy-").FullName;
        try
        {
            var path = Path.Combine(folder, "busy");
            await File.WriteAllTextAsync(path, "lots\n", TestContext.Current.CancellationToken);
            using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = new BusyFileExporterPower(path), Time = Clock() });

            // Act
            var (status, body) = await GetAsync(exporter);

            // Assert
            status.Should().Be(500);
            body.Should().Be($"The busy file {path} holds 'lots', not 'cpu_mW gpu_mW' (two numbers >= 0, invariant culture): it is written by the fake servers' BusyFile.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
