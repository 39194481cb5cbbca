using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Benchmarks.Reports;

/// <summary>
/// Writes a synthetic but realistic run folder with the product's own writers (<see cref="ResultsWriter"/>,
/// <see cref="SummaryWriter"/>): <c>run.json</c>, <c>cases.jsonl</c>, <c>samples.jsonl</c>, <c>points.jsonl</c> (empty)
/// and <c>summary.json</c>, shaped like a fake-profile Energy run (<c>ENERGYBENCH_PROFILE=fake</c>), but with streamed
/// timings, a prefill/decode split and a few failed cases.
/// </summary>
/// <remarks>
/// The timeline: per model an idle window of <see cref="IdleS"/>, then its cases one after the other with
/// <see cref="PauseS"/> between them, and an idle window after the last case. Meter samples every
/// <see cref="IntervalS"/> (±1%) carry cpu, gpu and ane energy in whole millijoules (as powermetrics gives them) of a
/// simulated power state: each model's active power during its requests (a seeded ±5% per sample, 15% more in
/// prefill), the idle power otherwise. Each case's energy is integrated from those samples by the product's
/// <see cref="SampleTimeline"/> and <see cref="EdgeAttribution"/>, its idle from its model's idle window. Completions
/// are <see cref="FakeTextGenerator"/>'s text, 20 to 200 tokens, decoded at the model's rate ±10% per case, streamed in
/// one-token chunks. Case 18, 68, 118, ... (1-based) time out (no completion, no energy); case 43, 93, ... are answered
/// but fail on coverage: 2 in 50 (4%) failed in all. The manifest is the fixture fake run's (<c>fixtures/runs</c>), with this
/// run's models, prompt count, repetitions, idle windows and counts. Deterministic for a given shape and seed.
/// </remarks>
public static class SyntheticRun
{
    /// <summary>The models of a generated run, in order.</summary>
    public static readonly IReadOnlyList<string> ModelNames =
        ["Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Llama 3 8B Instruct", "Phi-3 Mini Instruct"];

    /// <summary>The run's start, which names its folder: <c>20261130-120000-synthetic</c>.</summary>
    public static readonly DateTimeOffset StartedUtc = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The profile, the run id's suffix.</summary>
    public const string Profile = "synthetic";

    /// <summary>The meter's sampling interval, s.</summary>
    public const double IntervalS = 0.1;

    /// <summary>Each idle window, s.</summary>
    public const double IdleS = 0.5;

    /// <summary>The pause after each case, s.</summary>
    public const double PauseS = 0.25;

    /// <summary>Of each this many cases, two fail: one with no answer (a timeout), one answered but short of samples.</summary>
    public const int FailEvery = 50;

    private const string FixtureRun = "20261126-202418-fake";
    private static readonly string[] Parts = [Domains.Cpu, Domains.Gpu, Domains.Ane];

    // Per model: decode tokens/s and active GPU power, W (a 1B model is faster and draws less than an 8B one).
    private static readonly (double TokensPerSecond, double GpuW)[] ModelRates = [(295, 15), (148, 20), (74, 28), (120, 18)];
    private const double IdleCpuW = 0.6;
    private const double IdleGpuW = 0.05;
    private const double ActiveCpuW = 1.4;

    /// <summary>
    /// Writes a run of <paramref name="shape"/> into a new folder under <paramref name="resultsRoot"/> and returns the folder.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The shape has more models than <see cref="ModelNames"/> or a count below 1.</exception>
    public static string Write(string resultsRoot, RunShape shape, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Models < 1 || shape.Models > ModelNames.Count || shape.Prompts < 1 || shape.Repetitions < 1)
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"a generated run has 1 to {ModelNames.Count} models and at least one prompt and repetition.");
        var random = new Random(seed);
        var prompts = Prompts(shape.Prompts);
        var plan = Plan(shape, prompts, random);
        var timeline = Samples(plan, random);

        using var writer = ResultsWriter.Create(resultsRoot, Profile, StartedUtc);
        var template = Template();
        var idle = plan.Idle.Select(w => IdleMeasurement.From(w.Label, timeline.Integrate(w.StartS, w.EndS))).ToArray();
        var cases = plan.Cases.Select(c => Record(writer.RunId, c, timeline, idle[c.Model], template.Meter)).ToArray();
        var manifest = Manifest(template, writer.RunId, shape, idle, cases, plan.EndS);
        writer.WriteManifest(manifest with { Status = "running", EndedUtc = null });
        foreach (var record in cases)
            writer.AppendCase(record);
        writer.AppendSamples(timeline.Samples);
        writer.WriteManifest(manifest);
        SummaryWriter.Write(writer.Directory, RunSummary.Of(writer.RunId, cases));
        return writer.Directory;
    }

    /// <summary>One planned request on the session timeline; <see cref="Failure"/> 0 passed, 1 no answer, 2 short of samples.</summary>
    private sealed record PlannedCase(int Model, int Prompt, int Repetition, string PromptText, double StartS, double EndS, double TtftS, int PromptTokens, IReadOnlyList<ChunkArrival> Arrivals, int Failure);

    private sealed record IdleWindow(string Label, double StartS, double EndS);

    private sealed record RunPlan(IReadOnlyList<PlannedCase> Cases, IReadOnlyList<IdleWindow> Idle, double EndS);

    /// <summary>The prompt texts: the fixture Alpaca sample's instructions in turn, numbered past the first round so each is its own.</summary>
    private static string[] Prompts(int count)
    {
        var file = Path.Combine(RepositoryPaths.FindRoot(), "fixtures", "prompts", "alpaca-sample.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var instructions = json.RootElement.EnumerateArray().Select(e => e.GetProperty("instruction").GetString()!).ToArray();
        return [.. Enumerable.Range(0, count).Select(i => i < instructions.Length ? instructions[i] : $"{instructions[i % instructions.Length]} (variant {(i / instructions.Length) + 1})")];
    }

    private static RunPlan Plan(RunShape shape, string[] prompts, Random random)
    {
        var cases = new List<PlannedCase>(shape.Cases);
        var idle = new List<IdleWindow>();
        var t = 0.75;
        for (var m = 0; m < shape.Models; m++)
        {
            idle.Add(new IdleWindow("before " + ModelNames[m], t, t + IdleS));
            t += IdleS + 0.3;
            for (var r = 1; r <= shape.Repetitions; r++)
            {
                for (var p = 0; p < shape.Prompts; p++)
                {
                    var number = cases.Count + 1;
                    var failure = number % FailEvery == 18 ? 1 : number % FailEvery == 43 ? 2 : 0;
                    var promptTokens = FakeTextGenerator.PromptTokens(prompts[p]);
                    var ttft = 0.02 + (promptTokens * 0.002 * (1 + (m * 0.5)) * (0.9 + (0.2 * random.NextDouble())));
                    var rate = ModelRates[m].TokensPerSecond * (0.9 + (0.2 * random.NextDouble()));
                    var tokens = random.Next(FakeTextGenerator.MinCompletionTokens, FakeTextGenerator.MaxCompletionTokens + 1);
                    var arrivals = failure == 1 ? [] : Enumerable.Range(0, tokens).Select(i => new ChunkArrival(t + ttft + (i / rate), 1)).ToArray();
                    var end = failure == 1 ? t + 2.0 : arrivals[^1].AtS + 0.002;
                    cases.Add(new PlannedCase(m, p, r, prompts[p], t, end, ttft, promptTokens, arrivals, failure));
                    t = end + PauseS;
                }
            }
        }

        idle.Add(new IdleWindow("after the last case", t, t + IdleS));
        return new RunPlan(cases, idle, t + IdleS + 0.3);
    }

    /// <summary>The meter samples from 0.7 s to the run's end, on the product's timeline (which adds each sample's total).</summary>
    private static SampleTimeline Samples(RunPlan plan, Random random)
    {
        var timeline = new SampleTimeline(totalOf: Parts);
        var next = 0; // the first case that has not ended before the current sample
        var start = 0.7;
        while (start < plan.EndS)
        {
            var end = start + (IntervalS * (0.99 + (0.02 * random.NextDouble())));
            while (next < plan.Cases.Count && plan.Cases[next].EndS <= start)
                next++;
            double prefillS = 0, decodeS = 0;
            var gpuW = 0.0;
            for (var i = next; i < plan.Cases.Count && plan.Cases[i].StartS < end; i++)
            {
                var c = plan.Cases[i];
                var firstToken = c.StartS + c.TtftS;
                prefillS += Overlap(start, end, c.StartS, Math.Min(firstToken, c.EndS));
                decodeS += Overlap(start, end, firstToken, c.EndS);
                gpuW = ModelRates[c.Model].GpuW;
            }

            var noise = 0.95 + (0.1 * random.NextDouble());
            var activeS = prefillS + decodeS;
            var idleS = (end - start) - activeS;
            var cpu = (IdleCpuW * idleS) + (ActiveCpuW * noise * activeS);
            var gpu = (IdleGpuW * idleS) + (gpuW * noise * (decodeS + (1.15 * prefillS)));
            timeline.Add(new MeterSample(start, end, new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [Domains.Cpu] = WholeMillijoules(cpu),
                [Domains.Gpu] = WholeMillijoules(gpu),
                [Domains.Ane] = 0,
            })
            { ThermalPressure = "Nominal" });
            start = end;
        }

        return timeline;
    }

    private static double Overlap(double a0, double a1, double b0, double b1) => Math.Max(0, Math.Min(a1, b1) - Math.Max(a0, b0));

    private static double WholeMillijoules(double joules) => Math.Round(joules * 1000) / 1000;

    private static CaseRecord Record(string runId, PlannedCase c, SampleTimeline timeline, IdleMeasurement idle, EnergyProvenance provenance)
    {
        var model = ModelNames[c.Model];
        var record = new CaseRecord
        {
            RunId = runId,
            Model = model,
            Point = new SweepPoint("", 0.7, 1024, 1, 1, 0),
            PromptOrdinal = c.Prompt,
            PromptDatasetIndex = c.Prompt,
            Repetition = c.Repetition,
            PromptText = c.PromptText,
            Outcome = "failed",
            BackendSimulated = true,
            Harness = new CaseHarnessCost(c.EndS - c.StartS + 0.002, 0.3 * (c.EndS - c.StartS), 0.06, 0.48, (0.3 * (c.EndS - c.StartS)) + 0.06),
        };
        if (c.Failure == 1)
            return record with { Problems = ["the request timed out after 120 s (Backend:TimeoutSeconds): no answer, so no time, tokens or energy"] };

        var tokens = c.Arrivals.Count;
        var text = FakeTextGenerator.Generate(model, c.PromptText, tokens);
        var words = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        var stream = StreamTimings.From(c.StartS, c.EndS, c.Arrivals, tokens, TokenCountSource.ServerUsage);
        var completion = new CompletionResult
        {
            RequestedModel = model,
            ServedModel = model,
            Text = text,
            StartS = c.StartS,
            EndS = c.EndS,
            PromptTokens = c.PromptTokens,
            CompletionTokens = tokens,
            PromptTokensSource = TokenCountSource.ServerUsage,
            CompletionTokensSource = TokenCountSource.ServerUsage,
            WordCount = words,
            WordRule = "uax29-icu-dictionary",
            CharacterCount = text.Length,
            FinishReason = "stop",
            Stream = stream,
        };
        var window = EdgeAttribution.Apply(timeline.Integrate(c.StartS, c.EndS), idle.PowerW);
        if (c.Failure == 2)
            window = window with { Coverage = 0.6 };
        var firstToken = c.StartS + c.TtftS;
        var prefill = EdgeAttribution.Apply(timeline.Integrate(c.StartS, firstToken), idle.PowerW);
        var decode = EdgeAttribution.Apply(timeline.Integrate(firstToken, c.EndS), idle.PowerW);
        return CaseMeasurer.Answered(record, completion, record.Harness) with
        {
            Outcome = c.Failure == 0 ? "passed" : "failed",
            Problems = c.Failure == 0 ? [] : ["samples cover 60.0% of the window, below Meter:MinCoverage 90.0%"],
            Energy = new CaseEnergy(provenance, window) { Idle = idle, NetJoules = idle.Net(window) },
            Phases = new CasePhases
            {
                Split = new PhaseSplit(
                    PhaseNames.SplitAtFirstToken,
                    EdgeRules.IdleAttributed,
                    Phase(PhaseNames.Prefill, prefill, c.PromptTokens, idle),
                    Phase(PhaseNames.Decode, decode, tokens - 1, idle)),
            },
        };
    }

    // The product's own phase figures (PhaseRule and the idle subtraction), so a generated phase is one the product would write.
    private static PhaseEnergy Phase(string name, WindowEnergy window, int tokens, IdleMeasurement idle) =>
        PhaseFigures.Make(name, window.StartS, window.EndS, window.DurationS, tokens, window.SampleCount, IntervalS,
            window.Domains.ToDictionary(d => d.Key, d => d.Value.Joules, StringComparer.Ordinal), idle, problem: null);

    /// <summary>The fixture fake run's manifest (a run the product wrote), read fresh each time: its configuration is mutable.</summary>
    private static RunManifest Template()
    {
        var path = Path.Combine(RepositoryPaths.FindRoot(), "fixtures", "runs", FixtureRun, "run.json");
        return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), ResultsJson.Indented)
               ?? throw new InvalidDataException($"{path}: holds null instead of a run manifest.");
    }

    private static RunManifest Manifest(RunManifest template, string runId, RunShape shape, IReadOnlyList<IdleMeasurement> idle, IReadOnlyList<CaseRecord> cases, double endS)
    {
        var configuration = template.Configuration;
        configuration.Profile = Profile;
        configuration.Models = [.. ModelNames.Take(shape.Models)];
        configuration.Prompts.Count = shape.Prompts;
        configuration.Prompts.Pool = Math.Max(configuration.Prompts.Pool, shape.Prompts);
        configuration.Protocol.Repetitions = shape.Repetitions;
        configuration.Protocol.IdleSeconds = IdleS;
        var failed = cases.Count(c => c.Outcome != "passed");
        return template with
        {
            RunId = runId,
            Profile = Profile,
            Configuration = configuration,
            Prompts = template.Prompts with { Count = shape.Prompts, DatasetItems = Math.Max(template.Prompts.DatasetItems, shape.Prompts) },
            StartedUtc = StartedUtc,
            EndedUtc = StartedUtc.AddSeconds(endS),
            UpdatedUtc = StartedUtc.AddSeconds(endS),
            Status = failed == 0 ? "completed" : $"completed with failures: {failed} of {cases.Count} cases failed",
            CasesPlanned = shape.Cases,
            CasesPassed = cases.Count - failed,
            CasesFailed = failed,
            LastCase = $"{cases[^1].Model} / prompt {cases[^1].PromptOrdinal + 1}, run {cases[^1].Repetition}: {cases[^1].Outcome}",
            Idle = idle,
        };
    }
}
