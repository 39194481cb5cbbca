using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// Splits a measured request window at its first token's arrival (<see cref="PhaseNames.SplitAtFirstToken"/>): prefill =
/// [start, first token], decode = [first token, end], from the same meter as the whole window.
/// </summary>
/// <remarks>
/// <para>Edges. The request's own edges (its start, its end) are split as the whole window's were: idle-attributed when the
/// model's idle power was measured (<see cref="EdgeAttribution"/>), else pro rata. The sample straddling the first token lies
/// between two busy phases, so idle power says nothing about it: it is split pro rata by time between prefill and decode.
/// Hence prefill = its window pro rata + the start edge's idle-attributed correction, and decode = the whole window - prefill,
/// which equals its window pro rata + the end edge's correction; prefill + decode = the whole window exactly, per domain.</para>
/// <para>Validity: each phase separately by <see cref="PhaseRule"/> (at least two meter intervals long).</para>
/// </remarks>
public static class FirstTokenSplit
{
    /// <summary>
    /// The split of <paramref name="whole"/> (the request's window as recorded: edges already idle-attributed when
    /// <paramref name="idle"/> is given) for <paramref name="completion"/>; or null with the reason it cannot be split (no
    /// stream, the meter could not cover a part).
    /// </summary>
    public static async Task<(PhaseSplit? Split, string? Missing)> MeasureAsync(
        IPowerMeter meter, CompletionResult completion, WindowEnergy whole, IdleMeasurement? idle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(whole);
        if (completion.Stream is not { } stream)
        {
            return (null, "not split: the backend does not stream its answer (e.g. GPT4All's server sends it in one piece), so its first token's arrival is unknown; " +
                          "Protocol:PrefillPass measures prefill without it");
        }

        var firstS = completion.StartS + stream.TimeToFirstTokenS;
        var (startS, endS) = (whole.StartS, whole.EndS);
        if (firstS <= startS || firstS > endS)
            return (null, $"not split: the first token's arrival ({firstS:0.######} s) is not inside the window [{startS:0.######}, {endS:0.######}] s");

        WindowEnergy prefillWindow;
        WindowEnergy? decodeWindow = null;
        try
        {
            prefillWindow = await meter.MeasureAsync(startS, firstS, cancellationToken).ConfigureAwait(false);
            if (endS > firstS)
                decodeWindow = await meter.MeasureAsync(firstS, endS, cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            return (null, "not split: the meter could not cover a phase's window: " + e.Message);
        }

        var correction = StartEdgeCorrection(whole, idle);
        var prefill = whole.Domains.Keys.Where(prefillWindow.Domains.ContainsKey)
            .ToDictionary(d => d, d => prefillWindow.Domains[d].Joules + correction.GetValueOrDefault(d), StringComparer.Ordinal);
        var decode = prefill.ToDictionary(p => p.Key, p => whole.Domains[p.Key].Joules - p.Value, StringComparer.Ordinal);

        var outputTokens = stream.OutputTokens;
        var prefillPhase = PhaseFigures.Make(PhaseNames.Prefill, startS, firstS, firstS - startS, completion.PromptTokens, prefillWindow.SampleCount,
            PhaseRule.IntervalS(meter.SamplesIn(startS, firstS), startS, firstS), prefill, idle, null);
        var decodePhase = PhaseFigures.Make(PhaseNames.Decode, firstS, endS, endS - firstS, outputTokens - 1, decodeWindow?.SampleCount ?? 0,
            PhaseRule.IntervalS(meter.SamplesIn(firstS, endS), firstS, endS), decode, idle,
            decodeWindow is null ? "no decode window: the answer ended with its first token" : null);
        return (new PhaseSplit(PhaseNames.SplitAtFirstToken, EdgeRuleText(whole.EdgeRule), prefillPhase, decodePhase) { Note = whole.Approximation }, null);
    }

    /// <summary>How this split treats each edge, in words.</summary>
    public static string EdgeRuleText(string wholeRule) =>
        "the request's start and end as its whole window: " + EdgeRules.Describe(wholeRule) +
        " The sample straddling the first token is split pro rata between prefill and decode (both are busy there, so idle power says nothing about it).";

    /// <summary>
    /// Per domain, what the idle-attributed rule changes at the request's start edge (attributed - pro rata); empty when the
    /// window was split pro rata or has no sample across its start.
    /// </summary>
    private static Dictionary<string, double> StartEdgeCorrection(WindowEnergy whole, IdleMeasurement? idle)
    {
        var start = whole.EdgeSamples.FirstOrDefault(s => s.StartS < whole.StartS);
        if (idle is null || whole.EdgeRule != EdgeRules.IdleAttributed || start is null)
            return [];

        // The whole window with its start edge alone, pro rata: EdgeAttribution's change to it is the start edge's correction.
        var proRata = whole.Domains.ToDictionary(
            d => d.Key,
            d => d.Value with { Joules = whole.ProRataJoules.GetValueOrDefault(d.Key, d.Value.Joules) },
            StringComparer.Ordinal);
        var startOnly = whole with
        {
            Domains = proRata,
            EdgeSamples = [start],
            EdgeJoules = start.EnergyJ.ToDictionary(e => e.Key, e => e.Value * start.InsideS / start.DurationS, StringComparer.Ordinal),
            EdgeRule = EdgeRules.ProRata,
        };
        var attributed = EdgeAttribution.Apply(startOnly, idle.PowerW);
        return proRata.ToDictionary(d => d.Key, d => attributed.Domains[d.Key].Joules - d.Value.Joules, StringComparer.Ordinal);
    }
}
