using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// One run's files read back from <c>results/&lt;run-id&gt;/</c>: the manifest (<c>run.json</c>), every case
/// (<c>cases.jsonl</c>), every meter sample (<c>samples.jsonl</c>) and the summary recomputed from the cases, so a
/// report never depends on a <c>summary.json</c> that an interrupted run did not write.
/// </summary>
/// <param name="Directory">The run folder.</param>
/// <param name="Manifest">The run's <c>run.json</c>.</param>
/// <param name="Cases">The last record of each case, passed and failed, in file order (<see cref="Superseded"/> counts the earlier ones left out).</param>
/// <param name="Samples">Every meter sample on the session timeline, in file order.</param>
/// <param name="Summary">Per-model statistics of the passed cases (<see cref="RunSummary.Of"/>).</param>
/// <param name="Warnings">What was wrong but not fatal (a truncated last line of a file that was still being written).</param>
public sealed record RunData(
    string Directory,
    RunManifest Manifest,
    IReadOnlyList<CaseRecord> Cases,
    IReadOnlyList<MeterSample> Samples,
    RunSummary Summary,
    IReadOnlyList<string> Warnings)
{
    public string RunId => Manifest.RunId;

    /// <summary>
    /// The run's overlapping points (<c>points.jsonl</c>: window, steady state, attribution check), the last record of each point and
    /// repetition; empty for a run whose requests never overlapped, and for runs made before sweeps existed.
    /// </summary>
    public IReadOnlyList<PointRecord> Points { get; init; } = [];

    /// <summary>Records of <c>cases.jsonl</c> replaced by a later record of the same case (a failed or cancelled case measured again on resume).</summary>
    public int Superseded { get; init; }

    /// <summary>
    /// For a run imported from the seed study (<c>seed-analysis.json</c>): its records analysed the study's way and
    /// this project's way, with the table of differences. Null for a run of this project.
    /// </summary>
    public SeedStudy.SeedStudyComparison? SeedAnalysis { get; init; }

    /// <summary>
    /// The units (models, or runtime / model in a multi-runtime run) in the order the run configured them, then any other unit
    /// found in the cases.
    /// </summary>
    public IReadOnlyList<string> Models =>
        [.. Runtimes.RunUnits.Of(Manifest.Configuration).Select(u => u.Label).Where(u => Cases.Any(c => c.Unit == u)).Concat(Cases.Select(c => c.Unit)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every method the run's energy figures were obtained by: <c>run.json</c>'s meter's and each case's, in the order
    /// of <see cref="EnergyMethod"/> (the meter's alone for a run without a case).
    /// </summary>
    public IReadOnlyList<EnergyMethod> Methods =>
        [.. Cases.Select(c => c.Energy?.Provenance.Method).OfType<EnergyMethod>().Append(Manifest.Meter.Method).Distinct().Order()];

    /// <summary>
    /// The method that labels the run as a whole (titles, captions, published comparisons): the least trustworthy of
    /// <see cref="Methods"/> (<see cref="EnergyMethodText.Combine"/>), so a run with one simulated case is simulated.
    /// </summary>
    public EnergyMethod Method => EnergyMethodText.Combine(Methods);

    /// <summary>The prefix of the run's energy figures where one mark stands for all of them: <c>~</c> for an estimate.</summary>
    public string Mark => EnergyMethodText.Mark(Method);

    /// <summary>
    /// The energy domains other than total that the run's cases carry, in the meter's order (<see cref="EnergyDomains.Of"/>):
    /// the per-domain columns of the reports and <c>cases.csv</c>.
    /// </summary>
    public IReadOnlyList<string> EnergyDomains => Summaries.EnergyDomains.Of(Cases, Manifest.Meter.Domains);
}
