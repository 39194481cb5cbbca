using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Linux RAPL through the powercap tree (<see cref="MeterOptions.RaplRoot"/>): every zone's cumulative
/// <c>energy_uj</c> is read every <see cref="MeterOptions.IntervalMs"/>; a sample is the energy between two
/// readings. Domains and how they add up: see <see cref="RaplTree"/> (total = package + dram, or psys alone;
/// core, uncore and a psys next to a package are informational and never added). Zones that show one counter
/// twice (dies of one socket) are found at the check and at the start and counted once (see <see cref="RaplMirrors"/>).
/// </summary>
public sealed class RaplMeter : IPowerMeter
{
    private readonly MeterOptions _options;
    private readonly SessionClock _clock;
    private readonly RaplFiles _files;
    private readonly Func<TimeSpan, CancellationToken, Task> _pause;
    private RaplTree? _tree;
    private RaplSource? _source;
    private PolledSampler? _sampler;

    public RaplMeter(MeterOptions options, SessionClock clock)
        : this(options, clock, null, null)
    {
    }

    /// <param name="options">RaplRoot, IntervalMs, MinCoverage, MaxPlausiblePowerW, StartTimeoutSeconds.</param>
    /// <param name="clock">The session timeline samples are placed on.</param>
    /// <param name="readAllText">Replaces <see cref="File.ReadAllText(string)"/> (tests: root-only files while running as root).</param>
    /// <param name="pause">Waits between the reads that look for mirrored zones (real time by default; tests move fake counters in it).</param>
    internal RaplMeter(MeterOptions options, SessionClock clock, Func<string, string>? readAllText, Func<TimeSpan, CancellationToken, Task>? pause = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _clock = clock;
        _files = new RaplFiles(options.RaplRoot, readAllText);
        _pause = pause ?? ((delay, ct) => Task.Delay(delay, ct));
    }

    public EnergyProvenance Provenance
    {
        get
        {
            if (_tree is not { } tree)
                return new EnergyProvenance(MeterKinds.Rapl, [Domains.Total], EnergyMethod.Measured, $"powercap energy_uj counters under {_files.Root} (not read yet)", "");
            var zones = tree.DomainNames.Where(d => d != Domains.Total).Select(d =>
                $"{d} = " + string.Join(" + ", tree.Zones.Where(z => z.Domain == d).Select(z => $"{z.EnergyFile} ({z.Name})")));
            var informational = tree.DomainNames.Where(d => d != Domains.Total && !tree.TotalOf.Contains(d)).ToArray();
            var notes = new List<string> { "RAPL counters are the CPU's own energy model (measured by the processor), not a wall-socket reading." };
            if (informational.Length > 0)
                notes.Add($"{string.Join(", ", informational)}: informational only, nested in (or overlapping) the total's domains, never added to it.");
            if (tree.Skipped.Count > 0)
                notes.Add("Not read: " + string.Join("; ", tree.Skipped) + ".");
            notes.AddRange(tree.Findings.Select(f => f + "."));
            if (_source is { Wraps: > 0 } source)
                notes.Add($"{source.Wraps} counter wraparound(s) corrected with max_energy_range_uj.");
            return new EnergyProvenance(
                MeterKinds.Rapl,
                tree.DomainNames,
                EnergyMethod.Measured,
                $"powercap RAPL energy_uj counters (cumulative µJ) read every {_options.IntervalMs} ms, wraparound corrected with max_energy_range_uj: "
                + string.Join("; ", zones) + $"; total = {string.Join(" + ", tree.TotalOf)}.",
                string.Join(" ", notes));
        }
    }

    public IReadOnlyList<MeterSample> Samples => _sampler?.Timeline.Samples ?? [];

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => _sampler?.Timeline.Overlapping(startS, endS) ?? [];

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => _sampler?.Timeline.From(index) ?? [];

    /// <summary>The zone tree, once <see cref="CheckAsync"/> or <see cref="StartAsync"/> has read it.</summary>
    internal RaplTree? Tree => _tree;

    public async Task<Availability> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var tree = RaplTree.Discover(_files);
            foreach (var zone in tree.Zones)
                _files.ReadMicrojoules(zone.EnergyFile);
            tree = await RaplMirrors.LeaveOutAsync(tree, _files, _pause, cancellationToken);
            _tree = tree;
            return Availability.Yes(
                $"RAPL: {tree.Zones.Count} readable zone(s) under {_files.Root} ({string.Join(", ", tree.Zones.Select(z => $"{z.Id} {z.Name}"))})"
                + (tree.Skipped.Count == 0 ? "." : $"; not read: {string.Join("; ", tree.Skipped)}."));
        }
        catch (MeterException e)
        {
            return Availability.No(e.Message);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_sampler is not null)
            throw new InvalidOperationException("The meter is already started.");
        _tree = await RaplMirrors.LeaveOutAsync(RaplTree.Discover(_files), _files, _pause, cancellationToken);
        _source = new RaplSource(_tree, _files);
        _sampler = new PolledSampler(MeterKinds.Rapl, _source, new SampleTimeline(_tree.TotalOf), _options, _clock);
        await _sampler.StartAsync(cancellationToken);
    }

    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) =>
        (_sampler ?? throw new InvalidOperationException("Call StartAsync before MeasureAsync.")).MeasureAsync(startS, endS, cancellationToken);

    public ValueTask DisposeAsync() => _sampler?.DisposeAsync() ?? ValueTask.CompletedTask;
}
