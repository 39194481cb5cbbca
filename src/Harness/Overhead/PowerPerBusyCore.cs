using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// What one busy logical core costs in watts on this run's machine, derived from the run's own figures (an ESTIMATE, never a
/// measurement). From the windows (<see cref="FormulaText"/>): over the passed cases i that have a window energy E_i in
/// <see cref="Domain"/>, their model's idle power P_idle,i in that domain, the window's length t_i and the machine's busy cores b_i in
/// the window (<see cref="CaseHarnessCost.MachineBusyCores"/>), <c>W per busy core = Σ (E_i - P_idle,i x t_i) / Σ (b_i x t_i)</c>: the
/// power above idle during the windows over the busy cores during them, each weighted by its window's length. Under the
/// <c>estimate</c> meter, whose power is its own linear model of utilization, it is that model's slope (<see cref="ModelFormulaText"/>).
/// </summary>
/// <param name="WattsPerBusyCore">The estimate, W; null when it cannot be made (<see cref="Why"/>).</param>
/// <param name="Domain">The domain whose power is used: <c>cpu</c> where the meter has it, else <c>package</c>, else <c>total</c> (a GPU's power would make a busy CPU core look dear).</param>
/// <param name="Cases">How many cases it is made from (0 when it is the estimate meter's model).</param>
/// <param name="Formula">The formula in words, for the record.</param>
/// <param name="Basis">What it rests on in a few words, for the run's output line.</param>
/// <param name="Why">Why there is no estimate; null when there is one.</param>
public sealed record PowerPerBusyCore(double? WattsPerBusyCore, string Domain, int Cases, string Formula, string Basis, string? Why)
{
    /// <summary>The formula from the windows, as run.json and the report state it.</summary>
    public const string FormulaText =
        "W per busy core = Σ over passed cases (window energy in the domain - the model's idle power in it x window length) / Σ (machine busy cores in the window x window length), busy cores from the OS's machine-wide CPU times";

    /// <summary>The formula under the estimate meter.</summary>
    public const string ModelFormulaText =
        "W per busy core = (TdpW - IdleW) / logical cores: the slope of the estimate meter's own model P(u) = IdleW + (TdpW - IdleW) x u, with u = busy cores / logical cores";

    /// <summary>
    /// Windows in which the machine kept at least this share of its logical cores busy on average leave nothing to tell a busy core's
    /// power by: idle and windows alike are near full load, and the power above idle no longer follows the busy cores.
    /// </summary>
    public const double SaturatedShare = 0.95;

    /// <summary>The domains tried, in order.</summary>
    public static readonly IReadOnlyList<string> DomainOrder = [Domains.Cpu, Domains.Package, Domains.Total];

    /// <summary>The estimate from <paramref name="records"/>, or from <paramref name="model"/> when the meter is the linear estimate.</summary>
    /// <param name="records">The run's cases.</param>
    /// <param name="logicalCores">The machine's logical cores.</param>
    /// <param name="model">The meter's power model (<see cref="EnergyProvenance.Model"/>); null for a meter with none.</param>
    public static PowerPerBusyCore Of(IEnumerable<CaseRecord> records, int logicalCores, PowerModelDescription? model = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (model is { Formula: LinearPowerModel.Formula } && model.Parameters.TryGetValue("TdpW", out var tdp) && model.Parameters.TryGetValue("IdleW", out var idle))
        {
            var slope = (tdp - idle) / logicalCores;
            return new PowerPerBusyCore(slope, Domains.Cpu, 0, ModelFormulaText,
                string.Create(CultureInfo.InvariantCulture, $"the estimate meter's model, ({tdp:0.##} - {idle:0.##}) W / {logicalCores} logical cores"), null);
        }

        var usable = records.Where(r => r.Outcome == "passed" && r.Energy?.Idle is not null && r.Harness?.MachineBusyCores is not null).ToList();
        var domain = DomainOrder.FirstOrDefault(d => usable.Any(r => r.Energy!.Window.Domains.ContainsKey(d) && r.Energy.Idle!.PowerW.ContainsKey(d))) ?? Domains.Total;
        var cases = usable.Where(r => r.Energy!.Window.Domains.ContainsKey(domain) && r.Energy.Idle!.PowerW.ContainsKey(domain)).ToList();
        var basis = $"{domain} power above idle / machine busy cores in {cases.Count} windows";
        if (cases.Count == 0)
        {
            return new PowerPerBusyCore(null, domain, 0, FormulaText, basis,
                "no passed case has both its model's idle power and the machine's busy cores in its window (idle measured with Protocol:IdleSeconds > 0, machine CPU times readable)");
        }

        var aboveIdleJ = cases.Sum(r => r.Energy!.Window.Domains[domain].Joules - (r.Energy.Idle!.PowerW[domain] * r.Energy.Window.DurationS));
        var busyCoreS = cases.Sum(r => r.Harness!.MachineBusyCores!.Value * r.Energy!.Window.DurationS);
        var meanBusy = busyCoreS / cases.Sum(r => r.Energy!.Window.DurationS);
        string? why = aboveIdleJ <= 0 ? $"the windows' {domain} power was not above the idle power, so a busy core's power cannot be told from it"
            : busyCoreS <= 0 ? "the machine's CPU was idle in every window"
            : meanBusy >= SaturatedShare * logicalCores
                ? string.Create(CultureInfo.InvariantCulture,
                    $"the machine was saturated in the windows ({meanBusy:0.00} of {logicalCores} logical cores busy on average), so the power above idle does not follow the busy cores: run on a quiet machine")
                : null;
        return why is null
            ? new PowerPerBusyCore(aboveIdleJ / busyCoreS, domain, cases.Count, FormulaText, basis, null)
            : new PowerPerBusyCore(null, domain, cases.Count, FormulaText, basis, why);
    }
}
