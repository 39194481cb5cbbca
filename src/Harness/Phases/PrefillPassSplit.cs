using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// The arithmetic of the prefill pass (<see cref="PhaseNames.PrefillPass"/>, optimum-benchmark's protocol): prefill = the
/// pass's window (the prompt with max tokens 1); decode = the full request's window - the pass's, per domain, over
/// duration full - pass, and per output token after the first (the pass produced the first).
/// </summary>
public static class PrefillPassSplit
{
    /// <summary>
    /// The split from the full request's window <paramref name="full"/> and the pass's window <paramref name="pass"/> (both
    /// with their edges as recorded), <paramref name="promptTokens"/> and the full request's <paramref name="outputTokens"/>.
    /// <paramref name="passProblem"/> marks the pass invalid (e.g. the server took the prompt from its cache); then neither
    /// phase has figures. <paramref name="samples"/> are the meter's samples overlapping both windows (more do no harm), for <see cref="PhaseRule"/>'s interval.
    /// </summary>
    public static PhaseSplit Of(WindowEnergy full, int? outputTokens, WindowEnergy pass, int? promptTokens,
        IdleMeasurement? idle, IReadOnlyList<MeterSample> samples, string? passProblem)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(samples);
        var prefillJoules = pass.Domains.ToDictionary(d => d.Key, d => d.Value.Joules, StringComparer.Ordinal);
        var prefill = PhaseFigures.Make(PhaseNames.Prefill, pass.StartS, pass.EndS, pass.DurationS, promptTokens, pass.SampleCount,
            PhaseRule.IntervalS(samples, pass.StartS, pass.EndS), prefillJoules, idle, passProblem);

        var decodeS = full.DurationS - pass.DurationS;
        string? decodeProblem = null;
        if (!prefill.Valid)
            decodeProblem = $"no decode: the prefill pass has no figure ({prefill.Problem})";
        else if (decodeS <= 0)
        {
            decodeProblem = string.Create(CultureInfo.InvariantCulture,
                $"no decode: the prefill pass took {pass.DurationS:0.###} s, the full request {full.DurationS:0.###} s: nothing is left for decode");
        }

        var decodeJoules = full.Domains.Keys.Where(pass.Domains.ContainsKey)
            .ToDictionary(d => d, d => full.Domains[d].Joules - pass.Domains[d].Joules, StringComparer.Ordinal);
        var decode = PhaseFigures.Make(PhaseNames.Decode, full.StartS, full.EndS, decodeS, outputTokens - 1, 0,
            PhaseRule.IntervalS(samples, full.StartS, full.EndS), decodeJoules, idle, decodeProblem);
        var note = string.Join(" ", new[] { full.Approximation, pass.Approximation }.OfType<string>().Distinct(StringComparer.Ordinal));
        return new PhaseSplit(PhaseNames.PrefillPass, EdgeRuleText(pass.EdgeRule), prefill, decode) { Note = note.Length == 0 ? null : note };
    }

    /// <summary>How the pass's split treats edges, in words: both windows are whole request windows, split as every case's.</summary>
    public static string EdgeRuleText(string rule) =>
        "the full request's window and the prefill pass's window each as a whole case window: " + EdgeRules.Describe(rule);
}
