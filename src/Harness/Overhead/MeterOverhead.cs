using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// The meter's own power, measured before the first model when <c>Protocol:MeterOverheadSeconds</c> &gt; 0 (<c>meterOverhead</c>
/// in <c>run.json</c>): idle power with the meter sampling at the run's interval against at <see cref="SlowIntervalMs"/>, in three
/// phases of equal length, slow, fast, slow, each with a meter of its own started for it; <see cref="OverheadW"/> = fast - the mean of
/// the two slow phases, so a steady drift of idle power over the three cancels out.
/// </summary>
/// <param name="FastIntervalMs">The run's interval (<c>Meter:IntervalMs</c>), ms.</param>
/// <param name="SlowIntervalMs">The slow interval, ms.</param>
/// <param name="SecondsPerPhase">Length of each phase's idle window, s.</param>
/// <param name="Phases">The three phases in the order they ran.</param>
/// <param name="OverheadW">What sampling at the run's interval costs above sampling at the slow one, W; null when a phase has no power.</param>
/// <param name="Method">The meter's method: the difference is only as good as the meter (an estimate meter's is ESTIMATED, the fake's SIMULATED).</param>
/// <param name="Formula">How it was measured, in words.</param>
public sealed record MeterOverhead(int FastIntervalMs, int SlowIntervalMs, double SecondsPerPhase, IReadOnlyList<MeterOverheadPhase> Phases, double? OverheadW, EnergyMethod Method, string Formula)
{
    /// <summary>
    /// "+0.123 W sampling every 100 ms instead of every 1000 ms (measured; idle 5.101 W at 1000 ms, 5.224 W at 100 ms, 5.099 W at 1000 ms, 10 s each)",
    /// or why it could not be told.
    /// </summary>
    public string Describe()
    {
        var phases = string.Join(", ", Phases.Select(p => p.PowerW is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"{EnergyMethodText.Mark(Method)}{w:0.000} W at {p.IntervalMs} ms")
            : string.Create(CultureInfo.InvariantCulture, $"none at {p.IntervalMs} ms ({p.Problem})")));
        var each = string.Create(CultureInfo.InvariantCulture, $"{SecondsPerPhase:0.#} s each");
        return OverheadW is { } overhead
            ? string.Create(CultureInfo.InvariantCulture,
                $"{EnergyMethodText.Mark(Method)}{overhead:+0.000;-0.000;0.000} W sampling every {FastIntervalMs} ms instead of every {SlowIntervalMs} ms ({EnergyMethodText.Word(Method)}; idle {phases}, {each})")
            : $"not told: a phase has no power ({phases}, {each})";
    }
}
