using System.Globalization;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>Makes a <see cref="PhaseEnergy"/> from its window and joules, applying <see cref="PhaseRule"/> and the idle subtraction.</summary>
internal static class PhaseFigures
{
    /// <summary>
    /// The phase with its gross joules and, when <paramref name="idle"/> was measured, net joules (gross - idle W x
    /// <paramref name="durationS"/> per domain, as <see cref="IdleMeasurement.Net"/>). Figures are left out (absent, never 0)
    /// when <paramref name="problem"/> is given, when no sample overlaps the window, when the phase is shorter than
    /// <see cref="PhaseRule"/> allows, or when a domain's joules come out negative.
    /// </summary>
    public static PhaseEnergy Make(string phase, double startS, double endS, double durationS, int? tokens, int sampleCount, double? intervalS,
        IReadOnlyDictionary<string, double>? joules, IdleMeasurement? idle, string? problem)
    {
        problem ??= intervalS is not { } interval
            ? "no meter sample overlaps the window"
            : PhaseRule.TooShort(durationS, interval);
        if (problem is null && joules is not null && joules.FirstOrDefault(j => j.Value < 0 || !double.IsFinite(j.Value)) is { Key: not null } bad)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"{bad.Key} energy came out {bad.Value:0.######} J: not a finite non-negative number (the meter's samples do not split cleanly here)");
        }

        if (joules is null)
            problem ??= "no energy for the window";
        var valid = problem is null;
        return new PhaseEnergy
        {
            Phase = phase,
            StartS = startS,
            EndS = endS,
            DurationS = durationS,
            Tokens = tokens,
            SampleCount = sampleCount,
            MeterIntervalS = intervalS,
            Problem = problem,
            Joules = valid ? joules : null,
            NetJoules = valid && idle is not null
                ? joules!.Where(j => idle.PowerW.ContainsKey(j.Key)).ToDictionary(j => j.Key, j => j.Value - (idle.PowerW[j.Key] * durationS), StringComparer.Ordinal)
                : null,
        };
    }
}
