using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// Idle power measured over [StartS, EndS] on the session timeline with nothing generating (after a model's warm-up,
/// or after the last case), per domain; the reference that makes net energies.
/// </summary>
/// <param name="Label">"before &lt;model&gt;" or "after the last case".</param>
/// <param name="StartS">Start of the idle window on the session timeline.</param>
/// <param name="EndS">End of the idle window.</param>
/// <param name="PowerW">Average power per domain over the idle window, watts.</param>
/// <param name="SampleCount">Meter samples overlapping the idle window.</param>
/// <param name="Coverage">Fraction of the idle window the samples cover.</param>
public sealed record IdleMeasurement(string Label, double StartS, double EndS, IReadOnlyDictionary<string, double> PowerW, int SampleCount, double Coverage)
{
    public static IdleMeasurement From(string label, WindowEnergy window) => new(
        label, window.StartS, window.EndS,
        window.Domains.ToDictionary(d => d.Key, d => d.Value.AveragePowerW, StringComparer.Ordinal),
        window.SampleCount, window.Coverage);

    /// <summary>Energy per domain net of this idle power over a window of <paramref name="window"/>'s length.</summary>
    public IReadOnlyDictionary<string, double> Net(WindowEnergy window) =>
        window.Domains.Where(d => PowerW.ContainsKey(d.Key))
            .ToDictionary(d => d.Key, d => d.Value.Joules - (PowerW[d.Key] * window.DurationS), StringComparer.Ordinal);
}
