using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.SeedStudy;

/// <summary>
/// Where one seed-study record lies on the inferred session timeline: its request window and its power samples.
/// </summary>
/// <param name="StartS">Start of the request: the sum of the durations of the requests before it.</param>
/// <param name="EndS">Start plus the record's measured duration (<c>inferenceTime</c>).</param>
/// <param name="Samples">The record's n samples, sample i over [start + i·d/n, start + (i+1)·d/n), energy = power × d/n per domain.</param>
public sealed record PlacedRecord(double StartS, double EndS, IReadOnlyList<MeterSample> Samples);

/// <summary>
/// Places the seed study's records on a session timeline. The study recorded no timestamps (<c>timeElapsed</c> is a
/// counter that adds 100 per sample) and no gaps between requests, so both are inferred: request k starts when
/// request k−1 ends (start_k = Σ of the previous durations, request 0 at 0 s), and its n samples are spread evenly
/// over its recorded duration d, sample i standing for [start + i·d/n, start + (i+1)·d/n) at its power. The energy
/// of a request is then Σ pᵢ × d/n = mean power × d, as <see cref="SeedStudyAnalysis.Project"/> computes it.
/// </summary>
public static class SeedStudyTimeline
{
    /// <summary>The statement every imported run carries, in its meter notes and in each case's approximation.</summary>
    public const string InferredTimesStatement =
        "The seed study recorded no sample timestamps (timeElapsed is a counter that adds 100 per sample) and no gaps between requests, "
        + "so the times are inferred: request k is placed back to back after request k-1 on the session timeline (start = sum of the previous "
        + "inferenceTime values, the first at 0 s), and its n samples are spread evenly over its recorded duration d, sample i covering "
        + "[start + i*d/n, start + (i+1)*d/n) with energy = power x d/n per domain; a request's energy is therefore mean power x d.";

    /// <summary>The domains of an imported run: <c>cpu</c> (cpuPowerMw), <c>gpu</c> (gpuPowerMw) and <c>total</c> (combinedPowerMw = CPU + GPU).</summary>
    public static IReadOnlyList<string> ImportedDomains { get; } = [Domains.Cpu, Domains.Gpu, Domains.Total];

    /// <summary>Every record placed in file order.</summary>
    public static IReadOnlyList<PlacedRecord> Place(IReadOnlyList<SeedStudyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var placed = new List<PlacedRecord>(records.Count);
        var start = 0.0;
        foreach (var record in records)
        {
            var end = start + record.DurationSeconds;
            placed.Add(new PlacedRecord(start, end, SamplesOf(record, start, end)));
            start = end;
        }

        return placed;
    }

    /// <summary>A sample's power per domain, in watts.</summary>
    public static IReadOnlyDictionary<string, double> PowerW(SeedStudySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Domains.Cpu] = sample.CpuPowerMw / 1000.0,
            [Domains.Gpu] = sample.GpuPowerMw / 1000.0,
            [Domains.Total] = sample.CombinedPowerMw / 1000.0,
        };
    }

    private static List<MeterSample> SamplesOf(SeedStudyRecord record, double start, double end)
    {
        var n = record.EnergyMetrics.Count;
        var duration = end - start;
        var samples = new List<MeterSample>(n);
        for (var i = 0; i < n; i++)
        {
            var from = start + (duration * i / n);
            var to = i == n - 1 ? end : start + (duration * (i + 1) / n);
            var energy = PowerW(record.EnergyMetrics[i]).ToDictionary(p => p.Key, p => p.Value * duration / n, StringComparer.Ordinal);
            samples.Add(new MeterSample(from, to, energy));
        }

        return samples;
    }
}
