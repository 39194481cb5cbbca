using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering.Edges;

/// <summary>
/// A stand-in machine and meter, in process and on the session clock: its power follows the fake GPT4All server's
/// generation (the model's active cpu and gpu power from its busy file while it generates, idle power otherwise, each
/// with noise), as a real machine's power follows its work, and it logs that power as it goes (<see cref="PowerTruth"/>),
/// so the true energy of any window is known. It samples like powermetrics: real lengths 4-10% above the interval,
/// whole millijoules, placed on the timeline by the suite's <see cref="SampleChainPlacer"/> from their lengths and
/// arrival. One thread wakes about every millisecond, logs the power since its last wake-up, changed at the very
/// moments the server started and ended generating (<see cref="GenerationClock"/>, however late the thread wakes on a
/// loaded machine), and emits samples.
/// </summary>
internal sealed class BusyFollowingMeter : IPowerMeter
{
    private static readonly string[] Parts = [Domains.Cpu, Domains.Gpu, Domains.Ane];

    private readonly SessionClock _clock;
    private readonly GenerationClock _generations;
    private readonly double _intervalS;
    private readonly (double Cpu, double Gpu) _idleW;
    private readonly Random _random;
    private readonly PowerTruth _truth = new();
    private readonly SampleTimeline _timeline = new(Parts, optionalInTotal: [Domains.Ane]);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SampleChainPlacer _placer;
    private Thread? _thread;

    /// <param name="clock">The session clock.</param>
    /// <param name="generations">The fake server's clock, which notes when it generates and at what power.</param>
    /// <param name="intervalS">Nominal sample length, s.</param>
    /// <param name="idleCpuW">Idle cpu power, W.</param>
    /// <param name="idleGpuW">Idle gpu power, W.</param>
    /// <param name="seed">Seed of the sample lengths and the power noise.</param>
    public BusyFollowingMeter(SessionClock clock, GenerationClock generations, double intervalS, double idleCpuW, double idleGpuW, int seed)
    {
        _clock = clock;
        _generations = generations;
        _intervalS = intervalS;
        _idleW = (idleCpuW, idleGpuW);
        _random = new Random(seed);
        _placer = new SampleChainPlacer(_timeline);
    }

    public EnergyProvenance Provenance => new(
        "busy-following stand-in", [.. Parts, Domains.Total], EnergyMethod.Simulated,
        "a test stand-in whose power follows the fake server's busy file, with its true power logged", "A test double.");

    public IReadOnlyList<MeterSample> Samples => _timeline.Samples;

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Availability.Yes("stand-in"));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "busy-following meter" };
        _thread.Start();
        while (_timeline.Count == 0 && _thread.IsAlive)
            await Task.Delay(5, cancellationToken);
        if (_timeline.Count == 0)
            throw new MeterException("the stand-in's sampling thread stopped before its first sample");
    }

    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        while (!(_timeline.LastEndS >= endS) && _thread!.IsAlive)
            await Task.Delay(2, cancellationToken);
        var window = _timeline.Integrate(startS, endS);
        return window.Coverage < 0.98 ? throw new MeterException($"stand-in covered {window.Coverage:P1} of the window") : window;
    }

    /// <summary>The true energy of the cpu + gpu + ane over [a, b], joules, from the logged power.</summary>
    public double TruthJ(double a, double b)
    {
        lock (_gate)
            return _truth.EnergyJ(Parts, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _thread?.Join();
        _stop.Dispose();
    }

    private void Loop()
    {
        var last = _clock.Now;
        lock (_gate)
            _truth.Append(Math.Max(last, 1e-9), Watts(0, 0, 0));
        last = Math.Max(last, 1e-9);
        var sampleStart = last;
        var nextSample = last + Length();
        (double Cpu, double Gpu)? busy = null;
        var seen = 0;
        while (!_stop.IsCancellationRequested)
        {
            Thread.Sleep(1);
            var now = _clock.Now;
            lock (_gate)
            {
                // Each change at its own moment (one noted just after `last` was logged counts from `last`).
                for (; _generations.TryGet(seen, now, out var change); seen++)
                {
                    if (change.AtS > last)
                    {
                        _truth.Append(change.AtS - last, Power(busy));
                        last = change.AtS;
                    }

                    busy = change.BusyW;
                }

                if (now > last)
                    _truth.Append(now - last, Power(busy));
            }

            last = Math.Max(last, now);
            if (now < nextSample)
                continue;

            Dictionary<string, double> energy;
            lock (_gate)
                energy = Parts.ToDictionary(d => d, d => Math.Round(_truth.EnergyJ(d, sampleStart, now) * 1000) / 1000, StringComparer.Ordinal);
            _placer.Place(now - sampleStart, _clock.Now, energy);
            sampleStart = now;
            nextSample = now + Length();
        }
    }

    private double Length() => _intervalS * (1.04 + (_random.NextDouble() * 0.06));

    /// <summary>The power of one step: the generation's (+-5% noise) while the model generates, else idle (+-10%).</summary>
    private Dictionary<string, double> Power((double Cpu, double Gpu)? busy) => busy is { } w
        ? Watts(w.Cpu * Noise(0.05), w.Gpu * Noise(0.05), 0)
        : Watts(_idleW.Cpu * Noise(0.10), _idleW.Gpu * Noise(0.10), 0);

    private double Noise(double fraction) => 1 + (fraction * ((2 * _random.NextDouble()) - 1));

    private static Dictionary<string, double> Watts(double cpu, double gpu, double ane) =>
        new(StringComparer.Ordinal) { [Domains.Cpu] = cpu, [Domains.Gpu] = gpu, [Domains.Ane] = ane };
}
