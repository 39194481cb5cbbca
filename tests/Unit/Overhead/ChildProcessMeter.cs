using System.Diagnostics;
using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Overhead;

/// <summary>
/// A test double of a meter that runs as a process of its own: on start it runs <c>bash -c</c> with the given script (the
/// script's CPU is what the harness must count as the meter's); it measures nothing.
/// </summary>
internal sealed class ChildProcessMeter(string script) : IPowerMeter, IMeterProcess
{
    private Process? _process;

    public int? ProcessId => _process?.Id;

    public EnergyProvenance Provenance { get; } = new("child-process", [Domains.Total], EnergyMethod.Simulated, "a bash script", "A test double.");

    public IReadOnlyList<MeterSample> Samples => [];

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Availability.Yes("a test double"));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        _process = Process.Start(info);
        return Task.CompletedTask;
    }

    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) =>
        throw new MeterException("a test double measures nothing");

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }
}
