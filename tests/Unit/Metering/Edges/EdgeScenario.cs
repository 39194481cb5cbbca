using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Metering.Edges;

/// <summary>
/// A stand-in machine whose true power is known, measured the way the suite measures a real one. The truth
/// (<see cref="PowerTruth"/>) is idle power with noise, and busy power with noise while a request is being served;
/// a powermetrics-like meter samples it (real lengths 4-10% above the asked interval, whole millijoules per
/// sample, each sample delivered 0.5-5 ms after it ends) and the samples go through the suite's own code:
/// <see cref="SampleChainPlacer"/> places them by their lengths and arrival times, <see cref="SampleTimeline"/>
/// integrates windows, an <see cref="IdleMeasurement"/> of 5 s idle before the cases gives the idle power, and
/// <see cref="EdgeAttribution"/> splits the edge samples. The protocol is the suite's: an idle pause of 250 ms but
/// at least two meter intervals (plus a random part of an interval, so windows fall anywhere on the sample grid)
/// before each request.
/// </summary>
internal static class EdgeScenario
{
    public const double IdleCpuW = 1.0;
    public const double IdleGpuW = 0.1;
    public const double BusyCpuW = 3.0;
    public const double BusyGpuW = 12.0;
    private const double StepS = 0.005;

    private static readonly string[] Parts = [Domains.Cpu, Domains.Gpu, Domains.Ane];

    /// <summary>
    /// Runs <paramref name="casesPerLength"/> requests of each window length (in shuffled order) at the meter interval
    /// <paramref name="intervalS"/>, and returns every case's truth and both rules' figures (total domain, joules).
    /// </summary>
    public static IReadOnlyList<EdgeCase> Run(double intervalS, IReadOnlyList<double> windowLengthsS, int casesPerLength, int seed)
    {
        var random = new Random(seed);
        var truth = new PowerTruth();
        Idle(truth, random, 1.0);
        Idle(truth, random, 0.25);
        var idleStart = truth.EndS;
        Idle(truth, random, 5.0);
        var idleEnd = truth.EndS;

        var lengths = windowLengthsS.SelectMany(l => Enumerable.Repeat(l, casesPerLength)).OrderBy(_ => random.Next()).ToList();
        var windows = new List<(double Length, double StartS, double EndS)>();
        foreach (var length in lengths)
        {
            Idle(truth, random, Math.Max(0.25, 2 * intervalS) + (random.NextDouble() * intervalS));
            var start = truth.EndS;
            // The request window holds a little idle time: the HTTP exchange before and after the server is busy.
            var before = 0.001 + (random.NextDouble() * 0.002);
            var after = 0.0005 + (random.NextDouble() * 0.0015);
            Idle(truth, random, before);
            Busy(truth, random, length - before - after);
            Idle(truth, random, after);
            windows.Add((length, start, truth.EndS));
        }

        Idle(truth, random, 3 * intervalS);
        var timeline = Sample(truth, random, intervalS);
        var idle = IdleMeasurement.From("before", timeline.Integrate(idleStart, idleEnd));
        return [.. windows.Select(w =>
        {
            var proRata = timeline.Integrate(w.StartS, w.EndS);
            var attributed = EdgeAttribution.Apply(proRata, idle.PowerW);
            return new EdgeCase(w.Length, truth.EnergyJ(Parts, w.StartS, w.EndS), proRata.Domains[Domains.Total].Joules, attributed.Domains[Domains.Total].Joules);
        })];
    }

    /// <summary>powermetrics-like samples of the truth placed on a timeline by the suite's placer.</summary>
    private static SampleTimeline Sample(PowerTruth truth, Random random, double intervalS)
    {
        var timeline = new SampleTimeline(Parts, optionalInTotal: [Domains.Ane]);
        var placer = new SampleChainPlacer(timeline, notBeforeS: 0);
        var start = random.NextDouble() * intervalS;
        while (true)
        {
            var end = start + (intervalS * (1.04 + (random.NextDouble() * 0.06)));
            if (end > truth.EndS)
                break;
            var energy = Parts.ToDictionary(d => d, d => Math.Round(truth.EnergyJ(d, start, end) * 1000) / 1000, StringComparer.Ordinal);
            var elapsedS = Math.Round((end - start) * 1e9) / 1e9;
            placer.Place(elapsedS, end + 0.0005 + (random.NextDouble() * 0.0045), energy);
            start = end;
        }

        return timeline;
    }

    private static void Idle(PowerTruth truth, Random random, double seconds) =>
        Steps(truth, seconds, () => Watts(random, IdleCpuW, IdleGpuW, 0.10));

    private static void Busy(PowerTruth truth, Random random, double seconds) =>
        Steps(truth, seconds, () => Watts(random, BusyCpuW, BusyGpuW, 0.05));

    /// <summary>Steps of 5 ms (the last one shorter) whose power varies by up to +-<paramref name="noise"/> of the level.</summary>
    private static Dictionary<string, double> Watts(Random random, double cpuW, double gpuW, double noise) => new(StringComparer.Ordinal)
    {
        [Domains.Cpu] = cpuW * (1 + (noise * ((2 * random.NextDouble()) - 1))),
        [Domains.Gpu] = gpuW * (1 + (noise * ((2 * random.NextDouble()) - 1))),
        [Domains.Ane] = 0,
    };

    private static void Steps(PowerTruth truth, double seconds, Func<Dictionary<string, double>> watts)
    {
        for (var left = seconds; left > 1e-12; left -= StepS)
            truth.Append(Math.Min(StepS, left), watts());
    }
}

/// <summary>One simulated request: its window length (s), the true energy of the window and both rules' figures (J, total domain).</summary>
internal sealed record EdgeCase(double WindowS, double TruthJ, double ProRataJ, double AttributedJ)
{
    public double ProRataError => (ProRataJ / TruthJ) - 1;

    public double AttributedError => (AttributedJ / TruthJ) - 1;
}
