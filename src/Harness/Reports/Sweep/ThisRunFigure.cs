using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Sweep;

/// <summary>
/// One unit of this run as the published comparison shows it: its summary, the requests it had in flight (its batch size in the
/// comparison's terms) and its J/token: the steady state's where the unit is the point at the paper's batch size and reached one
/// (<paramref name="Steady"/>), else the ratio of totals.
/// </summary>
/// <param name="Summary">The unit's summary (<see cref="ModelSummary.Model"/> is its label).</param>
/// <param name="InFlight">Requests in flight at once: 1 for a run without sweeps.</param>
/// <param name="JoulesPerToken">Total-domain J/token; null when not known.</param>
/// <param name="GpuJoulesPerToken">The gpu domain's J/token, by the same method; null when the cases carry no gpu domain.</param>
/// <param name="Steady">True when the J/token figures are the steady state's.</param>
internal sealed record ThisRunFigure(ModelSummary Summary, int InFlight, double? JoulesPerToken, double? GpuJoulesPerToken, bool Steady);
