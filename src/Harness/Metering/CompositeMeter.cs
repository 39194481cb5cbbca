using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// A CPU-side meter and a GPU-side meter as one (RAPL + NVML, estimate + NVML). Both measure the same
/// window; their domains must be disjoint (cpu/package/dram/... vs gpu), so each domain is reported by one
/// part only and <see cref="Domains.Total"/> = the CPU side's total + the GPU side's total.
/// </summary>
/// <remarks>
/// <para>Method: the least trustworthy part's (<see cref="EnergyMethodText.Combine"/>): estimated as soon as one part is
/// estimated, simulated as soon as one is simulated; the notes say which part.</para>
/// <para>The total's <see cref="DomainEnergy.PeakPowerW"/> is the sum of the parts' peaks, an upper bound
/// (the parts sample at different moments). Coverage is the lower of the two; sample counts add up.</para>
/// <para><see cref="Samples"/> holds both parts' samples in the order this meter first saw them (append-only,
/// so they overlap in time), each with its own part's domains and without its part's total.</para>
/// </remarks>
public sealed class CompositeMeter : IPowerMeter
{
    private readonly Lock _gate = new();
    private readonly List<MeterSample> _samples = [];
    private readonly int[] _seen = new int[2];

    public CompositeMeter(IPowerMeter cpuSide, IPowerMeter gpuSide)
    {
        ArgumentNullException.ThrowIfNull(cpuSide);
        ArgumentNullException.ThrowIfNull(gpuSide);
        CpuSide = cpuSide;
        GpuSide = gpuSide;
    }

    public IPowerMeter CpuSide { get; }

    public IPowerMeter GpuSide { get; }

    public EnergyProvenance Provenance
    {
        get
        {
            var (cpu, gpu) = (CpuSide.Provenance, GpuSide.Provenance);
            var method = EnergyMethodText.Combine([cpu.Method, gpu.Method]);
            var because = new[] { ("cpu side", cpu), ("gpu side", gpu) }.Where(p => p.Item2.Method == method && method != EnergyMethod.Measured).ToArray();
            var notes = because.Length == 0
                ? ""
                : $"{EnergyMethodText.Word(method)} overall because the {string.Join(" and the ", because.Select(p => $"{p.Item1} ({p.Item2.Meter})"))} {(because.Length > 1 ? "are" : "is")} {EnergyMethodText.Meaning(method)}. ";
            return new EnergyProvenance(
                $"{cpu.Meter}+{gpu.Meter}",
                [.. cpu.Domains.Concat(gpu.Domains).Where(d => d != Domains.Total).Distinct(StringComparer.Ordinal), Domains.Total],
                method,
                $"cpu side: {Describe(cpu)} | gpu side: {Describe(gpu)} | total = {cpu.Meter} total + {gpu.Meter} total (disjoint domains).",
                $"{notes}cpu side: {cpu.Notes} | gpu side: {gpu.Notes}")
            {
                Model = cpu.Model ?? gpu.Model,
            };
        }
    }

    public IReadOnlyList<MeterSample> Samples
    {
        get
        {
            lock (_gate)
            {
                CollectNew();
                return [.. _samples];
            }
        }
    }

    /// <summary>Each side's samples overlapping the window (cpu side first), without their own totals, as <see cref="Samples"/> holds them.</summary>
    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) =>
        [.. CpuSide.SamplesIn(startS, endS).Concat(GpuSide.SamplesIn(startS, endS)).Select(s => s.WithoutTotal())];

    public IReadOnlyList<MeterSample> SamplesFrom(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (_gate)
        {
            CollectNew();
            return index >= _samples.Count ? [] : _samples.GetRange(index, _samples.Count - index);
        }
    }

    public async Task<Availability> CheckAsync(CancellationToken cancellationToken)
    {
        var both = await Task.WhenAll(CpuSide.CheckAsync(cancellationToken), GpuSide.CheckAsync(cancellationToken));
        var reason = $"cpu side: {both[0].Reason} gpu side: {both[1].Reason}";
        return both[0].IsAvailable && both[1].IsAvailable ? Availability.Yes(reason) : Availability.No(reason);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(CpuSide.StartAsync(cancellationToken), GpuSide.StartAsync(cancellationToken));
        var shared = CpuSide.Provenance.Domains.Intersect(GpuSide.Provenance.Domains, StringComparer.Ordinal).Where(d => d != Domains.Total).ToArray();
        if (shared.Length > 0)
        {
            throw new MeterException(
                $"{CpuSide.Provenance.Meter} and {GpuSide.Provenance.Meter} both report {string.Join(", ", shared)}: combining them would count it twice. Combine a CPU-side meter with a GPU-side meter ({MeterKinds.Nvml}).");
        }
    }

    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        var both = await Task.WhenAll(CpuSide.MeasureAsync(startS, endS, cancellationToken), GpuSide.MeasureAsync(startS, endS, cancellationToken));
        var (cpu, gpu) = (both[0], both[1]);
        var notes = new[] { cpu.Approximation, gpu.Approximation }.OfType<string>().ToArray();
        return WindowParts.Combine(startS, endS, [cpu, gpu], [cpu, gpu],
            name => $"both parts of {Provenance.Meter} report {name}: combining them would count it twice.") with
        {
            Approximation = notes.Length == 0 ? null : string.Join(" ", notes),
        };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CpuSide.DisposeAsync();
        }
        finally
        {
            await GpuSide.DisposeAsync();
        }
    }

    private static string Describe(EnergyProvenance p) =>
        $"{p.Meter} ({EnergyMethodText.Word(p.Method)}; {string.Join(", ", p.Domains)}): {p.Source}";

    /// <summary>Appends each side's samples not collected yet, asking each for its new ones only.</summary>
    private void CollectNew()
    {
        Collect(0, CpuSide.SamplesFrom(_seen[0]));
        Collect(1, GpuSide.SamplesFrom(_seen[1]));
    }

    private void Collect(int part, IReadOnlyList<MeterSample> fresh)
    {
        foreach (var s in fresh)
            _samples.Add(s.WithoutTotal());
        _seen[part] += fresh.Count;
    }
}
