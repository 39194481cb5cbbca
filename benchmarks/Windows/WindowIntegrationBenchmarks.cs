using BenchmarkDotNet.Attributes;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Benchmarks.Windows;

/// <summary>
/// The energy of a 2 s window (about 20 samples of 100 ms) in runs of 1k, 10k, 100k and 1M samples (100 s to 28 h at 100 ms),
/// at <see cref="WindowsPerRun"/> positions spread over the run; times are per window. <see cref="Integrate"/> is
/// <see cref="SampleTimeline.Integrate"/> alone; <see cref="CaseWindow"/> is the path a case's window takes in a run
/// (<c>CaseMeasurer</c>, <c>FirstTokenSplit</c>): the polled sampler's <see cref="PolledSampler.MeasureAsync"/>, the edges split
/// by idle power (<see cref="EdgeAttribution.Apply"/>), then the split at the first token (two more windows and each phase's
/// meter interval); <see cref="CaseSamples"/> is what the session takes from the meter for the results file after each case.
/// </summary>
[Goal("Time per window does not grow with the run: the Mean of each method is flat from 1k to 1M samples.")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 6)]
[IterationTime(100)]
public class WindowIntegrationBenchmarks
{
    /// <summary>Windows measured per call, spread over the run.</summary>
    public const int WindowsPerRun = 16;

    /// <summary>Each window's length, s.</summary>
    public const double WindowS = 2.0;

    /// <summary>The samples a case adds to the run (a 2 s case at 100 ms), which the results file writes after it.</summary>
    public const int NewSamplesPerCase = 20;

    private SampleTimeline _timeline = new();
    private PrefilledMeter? _meter;
    private IReadOnlyList<(double StartS, double EndS)> _windows = [];
    private IdleMeasurement? _idle;

    /// <summary>Samples in the run.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _timeline = RunSamples.Timeline(Samples);
        _windows = RunSamples.Windows(Samples, WindowsPerRun, WindowS);
        _meter = new PrefilledMeter(_timeline, (int)(RunSamples.IntervalS * 1000));
        _meter.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _idle = new IdleMeasurement("idle", 0, 1, RunSamples.IdlePowerW, 10, 1.0);
    }

    [GlobalCleanup]
    public void Cleanup() => _meter?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The timeline's integration alone (binary search to the window, then its samples).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = WindowsPerRun)]
    public double Integrate()
    {
        var joules = 0.0;
        foreach (var (start, end) in _windows)
            joules += _timeline.Integrate(start, end).Domains[Domains.Total].Joules;
        return joules;
    }

    /// <summary>A case's window as a run measures it: the sampler's window, edges by idle power, the split at the first token.</summary>
    [Benchmark(OperationsPerInvoke = WindowsPerRun)]
    public async Task<double> CaseWindow()
    {
        var joules = 0.0;
        foreach (var (start, end) in _windows)
        {
            var window = EdgeAttribution.Apply(await _meter!.MeasureAsync(start, end, CancellationToken.None), _idle!.PowerW);
            var (split, missing) = await FirstTokenSplit.MeasureAsync(_meter, Completion(start, end), window, _idle, CancellationToken.None);
            joules += split?.Prefill.Joules?[Domains.Total] ?? throw new InvalidOperationException("no split: " + missing);
        }

        return joules;
    }

    /// <summary>
    /// The samples the session takes from the meter for <c>ResultsWriter.AppendSamples</c> after each case: those the results
    /// file has not written yet (here the last case's 20), through <see cref="IPowerMeter.SamplesFrom"/>.
    /// </summary>
    [Benchmark(OperationsPerInvoke = WindowsPerRun)]
    public int CaseSamples()
    {
        var count = 0;
        for (var i = 0; i < WindowsPerRun; i++)
            count += _meter!.SamplesFrom(Samples - NewSamplesPerCase).Count;
        return count;
    }

    /// <summary>A streamed answer over [start, end] whose first token came 0.6 s in (a prefill of 6 samples).</summary>
    private static CompletionResult Completion(double startS, double endS) => new()
    {
        RequestedModel = "bench",
        ServedModel = "bench",
        Text = "",
        StartS = startS,
        EndS = endS,
        PromptTokens = 100,
        CompletionTokens = 50,
        PromptTokensSource = TokenCountSource.ServerUsage,
        CompletionTokensSource = TokenCountSource.ServerUsage,
        WordCount = 40,
        CharacterCount = 200,
        FinishReason = "length",
        Stream = new StreamTimings
        {
            TimeToFirstTokenS = 0.6,
            EndToEndS = endS - startS,
            ChunkOffsetsS = [0.6],
            ChunkTokens = [50],
            OutputTokens = 50,
            OutputTokensSource = TokenCountSource.ServerUsage,
        },
    };
}
