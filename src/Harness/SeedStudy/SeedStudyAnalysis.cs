using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Harness.SeedStudy;

/// <summary>
/// The seed study's figures computed its way: every metric a mean of per-response ratios, "words/s" from
/// <c>outputLength</c> (so characters per second), GPU energy per response as the rectangle sum
/// Σ gpuPowerMw × 0.1 s.
/// </summary>
/// <param name="Responses">Number of records.</param>
/// <param name="MeanInferenceTimeSeconds">Mean of <c>inferenceTime</c>, in seconds.</param>
/// <param name="TokensPerSecond">Mean over responses of outputToken / time.</param>
/// <param name="WordsPerSecondAsReported">The study's "words/s": mean over responses of outputLength / time, i.e. characters per second.</param>
/// <param name="GpuEnergyPerResponseJoules">Mean over responses of Σ gpuPowerMw × 0.1 s, in joules.</param>
/// <param name="MeanGpuPowerWatts">Mean over responses of each response's mean gpuPowerMw, in watts.</param>
public sealed record StudyMethodFigures(
    int Responses,
    double MeanInferenceTimeSeconds,
    double TokensPerSecond,
    double WordsPerSecondAsReported,
    double GpuEnergyPerResponseJoules,
    double MeanGpuPowerWatts);

/// <summary>
/// The same records computed this project's way. Energy is integrated over the request's real window: the study
/// recorded no sample timestamps (<c>timeElapsed</c> is a counter), so the n samples of a response are taken as
/// evenly spread over its recorded duration d (<c>inferenceTime</c>), sample i standing for [i, i+1) × d/n at its
/// power; the energy is then Σ pᵢ × d/n = mean power × d. This is an inference, not a measurement: it assumes the
/// missing samples were missed uniformly. Totals-based ratios weight each response by its size.
/// </summary>
/// <param name="Responses">Number of records.</param>
/// <param name="InferenceTimeSeconds">Summary of the per-response durations, in seconds.</param>
/// <param name="WordsPerSecond">Mean over responses of <see cref="TextMetrics.CountWords"/>(output) / time: real words, aggregated as the study did.</param>
/// <param name="WordsPerSecondRatioOfTotals">Σ words / Σ time.</param>
/// <param name="WordRule">How the words were counted (<see cref="TextMetrics.WordRule"/>: UAX #29 with ICU's dictionary segmentation).</param>
/// <param name="TokensPerSecondMeanOfRatios">Mean over responses of outputToken / time (the study's aggregation, for comparison).</param>
/// <param name="TokensPerSecondRatioOfTotals">Σ outputToken / Σ time.</param>
/// <param name="GpuEnergyPerResponseJoules">Mean over responses of mean gpuPowerMw × duration, in joules.</param>
/// <param name="AllDomainsEnergyPerResponseJoules">Mean over responses of mean combinedPowerMw × duration (CPU + GPU), in joules.</param>
/// <param name="AllDomainsEnergyPerResponse">Summary of the per-response all-domains energies, in joules.</param>
/// <param name="GpuJoulesPerToken">Σ GPU energy / Σ outputToken.</param>
/// <param name="AllDomainsJoulesPerToken">Σ all-domains energy / Σ outputToken.</param>
/// <param name="MeanGpuPowerWatts">Time-weighted mean GPU power: Σ GPU energy / Σ time, in watts.</param>
/// <param name="SampleCoverage">Σ samples × 0.1 s / Σ time: the share of the nominal 100 ms samples that arrived (the study's flaw 1, about 0.90).</param>
public sealed record ProjectMethodFigures(
    int Responses,
    SampleStatistics InferenceTimeSeconds,
    double WordsPerSecond,
    double WordsPerSecondRatioOfTotals,
    string WordRule,
    double TokensPerSecondMeanOfRatios,
    double TokensPerSecondRatioOfTotals,
    double GpuEnergyPerResponseJoules,
    double AllDomainsEnergyPerResponseJoules,
    SampleStatistics AllDomainsEnergyPerResponse,
    double GpuJoulesPerToken,
    double AllDomainsJoulesPerToken,
    double MeanGpuPowerWatts,
    double SampleCoverage);

/// <summary>One way the two methods differ, with the figure before (<see cref="From"/>) and after (<see cref="To"/>) the change.</summary>
/// <param name="Aspect">What changes, e.g. "words vs characters".</param>
/// <param name="Metric">The figure compared and its unit.</param>
/// <param name="From">The figure the study's way (or, for a change the study never made, the project's figure before it).</param>
/// <param name="To">The figure after the change.</param>
public sealed record SeedStudyDifference(string Aspect, string Metric, double From, double To)
{
    /// <summary>(To − From) / From.</summary>
    public double RelativeChange => (To - From) / From;
}

/// <summary>Both analyses of one results file and the table of their differences.</summary>
public sealed record SeedStudyComparison(
    StudyMethodFigures Study,
    ProjectMethodFigures Project,
    IReadOnlyList<SeedStudyDifference> Differences);

/// <summary>Re-analyses the seed study's records the study's way and this project's way.</summary>
public static class SeedStudyAnalysis
{
    public const string WordsVsCharacters = "words vs characters";
    public const string RectangleVsRealWindow = "rectangle sum vs integration over the real window";
    public const string GpuVsAllDomains = "GPU only vs all domains";
    public const string MeanOfRatiosVsRatioOfTotals = "mean of ratios vs ratio of totals";

    public static StudyMethodFigures Study(IReadOnlyList<SeedStudyRecord> records)
    {
        CheckRecords(records);
        var times = records.Select(r => r.DurationSeconds).ToArray();
        return new StudyMethodFigures(
            records.Count,
            times.Average(),
            Ratios.MeanOfRatios(records.Select(r => (double)r.OutputToken).ToArray(), times),
            Ratios.MeanOfRatios(records.Select(r => (double)r.OutputLength).ToArray(), times),
            records.Average(RectangleGpuJoules),
            records.Average(r => r.EnergyMetrics.Average(s => s.GpuPowerMw)) / 1000.0);
    }

    public static ProjectMethodFigures Project(IReadOnlyList<SeedStudyRecord> records)
    {
        CheckRecords(records);
        var times = records.Select(r => r.DurationSeconds).ToArray();
        var words = records.Select(r => (double)TextMetrics.CountWords(r.Output)).ToArray();
        var tokens = records.Select(r => (double)r.OutputToken).ToArray();
        var gpu = records.Select(r => IntegratedJoules(r, s => s.GpuPowerMw)).ToArray();
        var all = records.Select(r => IntegratedJoules(r, s => s.CombinedPowerMw)).ToArray();
        var nominalSampledSeconds = records.Select(r => r.EnergyMetrics.Count * SeedStudyRecord.NominalSampleIntervalSeconds).ToArray();
        return new ProjectMethodFigures(
            records.Count,
            SampleStatistics.Of(times),
            Ratios.MeanOfRatios(words, times),
            Ratios.RatioOfTotals(words, times),
            TextMetrics.WordRule,
            Ratios.MeanOfRatios(tokens, times),
            Ratios.RatioOfTotals(tokens, times),
            gpu.Average(),
            all.Average(),
            SampleStatistics.Of(all),
            Ratios.RatioOfTotals(gpu, tokens),
            Ratios.RatioOfTotals(all, tokens),
            Ratios.RatioOfTotals(gpu, times),
            Ratios.RatioOfTotals(nominalSampledSeconds, times));
    }

    /// <summary>Both analyses and the differences between them, one row per change of method.</summary>
    public static SeedStudyComparison Compare(IReadOnlyList<SeedStudyRecord> records)
    {
        var study = Study(records);
        var project = Project(records);
        return new SeedStudyComparison(study, project, Differences(study, project));
    }

    /// <summary>
    /// One row per change of method, each changing one thing: the unit of "words/s" (both as means of ratios), the
    /// energy estimate (GPU per response), the power domains (integrated energy per response) and the aggregation of
    /// tokens/s.
    /// </summary>
    public static IReadOnlyList<SeedStudyDifference> Differences(StudyMethodFigures study, ProjectMethodFigures project)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(project);
        return
        [
            new(WordsVsCharacters, "output per second, mean of ratios (characters -> words)", study.WordsPerSecondAsReported, project.WordsPerSecond),
            new(RectangleVsRealWindow, "GPU energy per response, J", study.GpuEnergyPerResponseJoules, project.GpuEnergyPerResponseJoules),
            new(GpuVsAllDomains, "energy per response over the real window, J", project.GpuEnergyPerResponseJoules, project.AllDomainsEnergyPerResponseJoules),
            new(MeanOfRatiosVsRatioOfTotals, "tokens/s", study.TokensPerSecond, project.TokensPerSecondRatioOfTotals),
        ];
    }

    /// <summary>The study's estimate: Σ gpuPowerMw × 0.1 s, in joules.</summary>
    private static double RectangleGpuJoules(SeedStudyRecord record) =>
        record.EnergyMetrics.Sum(s => s.GpuPowerMw) * SeedStudyRecord.NominalSampleIntervalSeconds / 1000.0;

    /// <summary>Samples spread evenly over the real duration d: Σ pᵢ × d/n = mean power × d, in joules.</summary>
    private static double IntegratedJoules(SeedStudyRecord record, Func<SeedStudySample, double> powerMw) =>
        record.EnergyMetrics.Average(powerMw) / 1000.0 * record.DurationSeconds;

    private static void CheckRecords(IReadOnlyList<SeedStudyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            throw new ArgumentException("At least one record is needed.", nameof(records));
        if (records.Any(r => r.EnergyMetrics.Count == 0 || r.InferenceTimeMs <= 0))
            throw new ArgumentException("Every record needs a positive inference time and at least one power sample.", nameof(records));
    }
}
