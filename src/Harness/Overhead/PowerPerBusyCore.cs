using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// What one busy logical core costs in watts on this run's machine, derived from the run's own figures (an ESTIMATE, never a
/// measurement): over the passed cases i that have a window energy E_i in <see cref="Domain"/>, their model's idle power P_idle,i
/// in that domain, the window's length t_i and the machine's busy cores b_i in the window (<see cref="CaseHarnessCost.MachineBusyCores"/>),
/// <c>W per busy core = Σ (E_i - P_idle,i x t_i) / Σ (b_i x t_i)</c>: the power above idle during the windows over the busy
/// cores during them, each weighted by its window's length.
/// </summary>
/// <param name="WattsPerBusyCore">The estimate, W; null when it cannot be made (<see cref="Why"/>).</param>
/// <param name="Domain">The domain whose power is used: <c>cpu</c> where the meter has it, else <c>package</c>, else <c>total</c> (a GPU's power would make a busy CPU core look dear).</param>
/// <param name="Cases">How many cases it is made from.</param>
/// <param name="Formula">The formula in words, for the record.</param>
/// <param name="Why">Why there is no estimate; null when there is one.</param>
public sealed record PowerPerBusyCore(double? WattsPerBusyCore, string Domain, int Cases, string Formula, string? Why)
{
    /// <summary>The formula as run.json and the report state it.</summary>
    public const string FormulaText =
        "W per busy core = Σ over passed cases (window energy in the domain - the model's idle power in it x window length) / Σ (machine busy cores in the window x window length), busy cores from the OS's machine-wide CPU times";

    /// <summary>The domains tried, in order.</summary>
    public static readonly IReadOnlyList<string> DomainOrder = [Domains.Cpu, Domains.Package, Domains.Total];

    /// <summary>The estimate from <paramref name="records"/>.</summary>
    public static PowerPerBusyCore Of(IEnumerable<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var usable = records.Where(r => r.Outcome == "passed" && r.Energy?.Idle is not null && r.Harness?.MachineBusyCores is not null).ToList();
        var domain = DomainOrder.FirstOrDefault(d => usable.Any(r => r.Energy!.Window.Domains.ContainsKey(d) && r.Energy.Idle!.PowerW.ContainsKey(d))) ?? Domains.Total;
        var cases = usable.Where(r => r.Energy!.Window.Domains.ContainsKey(domain) && r.Energy.Idle!.PowerW.ContainsKey(domain)).ToList();
        if (cases.Count == 0)
        {
            return new PowerPerBusyCore(null, domain, 0, FormulaText,
                "no passed case has both its model's idle power and the machine's busy cores in its window (idle measured with Protocol:IdleSeconds > 0, machine CPU times readable)");
        }

        var aboveIdleJ = cases.Sum(r => r.Energy!.Window.Domains[domain].Joules - (r.Energy.Idle!.PowerW[domain] * r.Energy.Window.DurationS));
        var busyCoreS = cases.Sum(r => r.Harness!.MachineBusyCores!.Value * r.Energy!.Window.DurationS);
        if (aboveIdleJ <= 0 || busyCoreS <= 0)
        {
            return new PowerPerBusyCore(null, domain, cases.Count, FormulaText, aboveIdleJ <= 0
                ? $"the windows' {domain} power was not above the idle power, so a busy core's power cannot be told from it"
                : "the machine's CPU was idle in every window");
        }

        return new PowerPerBusyCore(aboveIdleJ / busyCoreS, domain, cases.Count, FormulaText, null);
    }
}
