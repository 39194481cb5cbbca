using System.Text.Json.Serialization;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// The statistics of one model's passed cases in one run. Failed cases are only counted. A metric is present in
/// <see cref="Metrics"/> only when every passed case has a value for it (see <see cref="MetricNames"/>).
/// </summary>
/// <param name="Model">The unit: the model name as in the cases, or <c>runtime / model</c> in a multi-runtime run (<see cref="Results.CaseRecord.Unit"/>).</param>
/// <param name="Passed">Cases whose outcome is <c>passed</c>: the sample every statistic is taken from.</param>
/// <param name="Failed">Every other case of the model.</param>
/// <param name="Meter">The meter of the passed cases' energy (distinct names joined with <c>, </c>); null without energy.</param>
/// <param name="Method">The passed cases' methods combined (<see cref="EnergyMethodText.Combine"/>: simulated, imported or estimated as soon as one case is); null without energy.</param>
/// <param name="Metrics">
/// One sample summary per metric, in the order of <see cref="MetricNames"/>, each per-domain metric
/// (<c>joulesPerResponse.gpu</c>, see <see cref="MetricNames.ForDomain"/>) right after its total-domain one.
/// </param>
/// <param name="JoulesPerTokenRatioOfTotals">
/// Σ joules / Σ completion tokens over the passed cases (<see cref="Ratios.RatioOfTotals"/>): the energy the
/// workload spent per token it produced. The J/token to prefer. Null when a case lacks energy or token count.
/// </param>
/// <param name="JoulesPerTokenMeanOfRatios">
/// The mean over passed cases of each case's joules / completion tokens (<see cref="Ratios.MeanOfRatios"/>): the
/// original study's method; short answers weigh as much as long ones. Null when a case lacks energy or tokens.
/// </param>
public sealed record ModelSummary(
    string Model,
    int Passed,
    int Failed,
    string? Meter,
    EnergyMethod? Method,
    IReadOnlyDictionary<string, SampleStatistics> Metrics,
    double? JoulesPerTokenRatioOfTotals,
    double? JoulesPerTokenMeanOfRatios)
{
    /// <summary>
    /// The energy domains other than total that every passed case reports (e.g. <c>cpu</c>, <c>gpu</c>, <c>ane</c>), in
    /// the meter's order: each has its <see cref="MetricNames.PerDomain"/> metrics in <see cref="Metrics"/>. Empty
    /// without energy, or in a summary written before per-domain figures existed.
    /// </summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>
    /// Per domain other than total: Σ the domain's joules / Σ completion tokens over the passed cases (as
    /// <see cref="JoulesPerTokenRatioOfTotals"/>), e.g. the GPU's J/token to set beside GPU-only published figures. A
    /// domain is left out when a case lacks its energy or its token count.
    /// </summary>
    public IReadOnlyDictionary<string, double> JoulesPerTokenRatioOfTotalsPerDomain { get; init; } = new Dictionary<string, double>();

    /// <summary>The runtime of a multi-runtime run's unit (<see cref="Results.CaseRecord.Runtime"/>); null in a run of one runtime.</summary>
    public string? Runtime { get; init; }

    /// <summary>The model's name without the runtime (<see cref="Results.CaseRecord.Model"/>); null in summaries written before runtimes were an axis (then <see cref="Model"/>).</summary>
    public string? ModelName { get; init; }

    /// <summary>The prefix of this summary's energy figures (<see cref="EnergyMethodText.Mark"/>): <c>~</c> for an estimate.</summary>
    [JsonIgnore]
    public string Mark => Method is { } method ? EnergyMethodText.Mark(method) : "";
}
