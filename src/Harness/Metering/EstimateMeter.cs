using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// For machines without any energy counter: ESTIMATES machine CPU power from CPU utilization. Every
/// <see cref="MeterOptions.IntervalMs"/> it reads the <c>cpu</c> line of <see cref="MeterOptions.ProcStatPath"/>
/// (Linux <c>/proc/stat</c>), takes the interval's utilization u = 1 - Δ(idle + iowait) / Δtotal and
/// records P(u) x Δt with the <see cref="LinearPowerModel"/> P(u) = IdleW + (TdpW - IdleW) x u
/// (see that type for why linear and not CodeCarbon's TDP x (0.1 + 0.9 u^3)).
/// </summary>
/// <remarks>
/// Domains: <see cref="Domains.Cpu"/> (estimated machine CPU power) and <see cref="Domains.Total"/> = cpu.
/// <see cref="EnergyProvenance.Method"/> is <see cref="EnergyMethod.Estimated"/> and
/// <see cref="EnergyProvenance.Model"/> carries the formula and its parameters. Linux only: the macOS
/// (host_processor_info) and Windows (GetSystemTimes) equivalents are not implemented.
/// </remarks>
public sealed class EstimateMeter : IPowerMeter
{
    private readonly MeterOptions _options;
    private readonly SessionClock _clock;
    private PolledSampler? _sampler;

    public EstimateMeter(MeterOptions options, SessionClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _clock = clock;
        PowerModel = new LinearPowerModel(options.Estimate.IdleW, options.Estimate.TdpW);
    }

    public LinearPowerModel PowerModel { get; }

    /// <summary>The model and its parameters as data, for run.json (also on <see cref="EnergyProvenance.Model"/>).</summary>
    public PowerModelDescription Model => PowerModel.Describe();

    public EnergyProvenance Provenance => new(
        MeterKinds.Estimate,
        [Domains.Cpu, Domains.Total],
        EnergyMethod.Estimated,
        string.Create(CultureInfo.InvariantCulture,
            $"ESTIMATE from CPU utilization, not a measurement: u = 1 - Δ(idle + iowait) / Δ(user + nice + system + idle + iowait + irq + softirq + steal) from the cpu line of {_options.ProcStatPath}, every {_options.IntervalMs} ms;"
            + $" {LinearPowerModel.Formula} with IdleW = {PowerModel.IdleW} W, TdpW = {PowerModel.TdpW} W; energy = P(u) x interval; total = cpu."),
        "These figures are estimates computed from CPU utilization with an assumed power model, not measurements:"
        + " they cover the CPU of the whole machine (not the process, not GPU, memory or the rest of the system),"
        + " and their accuracy is that of the TdpW and IdleW parameters (85 W is CodeCarbon's value for an unknown CPU).")
    {
        Model = Model,
    };

    public IReadOnlyList<MeterSample> Samples => _sampler?.Timeline.Samples ?? [];

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => _sampler?.Timeline.Overlapping(startS, endS) ?? [];

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => _sampler?.Timeline.From(index) ?? [];

    public Task<Availability> CheckAsync(CancellationToken cancellationToken)
    {
        if (PowerModel.Problem() is { } problem)
            return Task.FromResult(Availability.No(problem));
        if (!File.Exists(_options.ProcStatPath))
        {
            return Task.FromResult(Availability.No(
                $"estimate: no CPU utilization source: {_options.ProcStatPath} does not exist. The estimate meter reads Linux /proc/stat;"
                + " the macOS (host_processor_info) and Windows (GetSystemTimes) equivalents are not implemented."));
        }

        try
        {
            CpuTimes.Read(_options.ProcStatPath);
            return Task.FromResult(Availability.Yes(
                $"estimate: CPU utilization from {_options.ProcStatPath} with {LinearPowerModel.Formula} (ESTIMATED, not measured)."));
        }
        catch (MeterException e)
        {
            return Task.FromResult(Availability.No(e.Message));
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_sampler is not null)
            throw new InvalidOperationException("The meter is already started.");
        if (PowerModel.Problem() is { } problem)
            throw new MeterException(problem);
        _sampler = new PolledSampler(MeterKinds.Estimate, new EstimateSource(_options.ProcStatPath, PowerModel), new SampleTimeline([Domains.Cpu]), _options, _clock);
        await _sampler.StartAsync(cancellationToken);
    }

    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) =>
        (_sampler ?? throw new InvalidOperationException("Call StartAsync before MeasureAsync.")).MeasureAsync(startS, endS, cancellationToken);

    public ValueTask DisposeAsync() => _sampler?.DisposeAsync() ?? ValueTask.CompletedTask;
}
