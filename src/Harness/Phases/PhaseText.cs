using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>A case's phases in a few words for its one line of test output (<see cref="Suite.CaseLine"/>).</summary>
public static class PhaseText
{
    /// <summary>
    /// E.g. <c>split at first token: prefill 0.412 J = 0.0515 J/prompt tok, decode 2.31 J = 0.0770 J/output tok</c>, a phase
    /// without figures as <c>prefill too short: ...</c>, and the prefill pass likewise after <c>; </c>; "" when there is nothing
    /// to say. Energy figures carry <paramref name="mark"/> (<see cref="EnergyMethodText.Mark"/>).
    /// </summary>
    public static string Brief(CasePhases? phases, string mark)
    {
        if (phases is null)
            return "";
        var parts = new List<string>();
        if (phases.Split is { } split)
            parts.Add(Of(split, mark));
        if (phases.Pass is { } pass)
            parts.Add(Of(pass, mark));
        else if (phases.PassMissing is { } missing)
            parts.Add("prefill pass: " + missing);
        return string.Join("; ", parts);
    }

    private static string Of(PhaseSplit split, string mark) =>
        $"{split.Method}: {Phase(split.Prefill, "prompt", mark)}, {Phase(split.Decode, "output", mark)}";

    private static string Phase(PhaseEnergy p, string tokens, string mark)
    {
        if (p.Joules?.GetValueOrDefault(Domains.Total) is not { } total)
            return $"{p.Phase} {p.Problem ?? "no total"}";
        var perToken = p.JoulesPerToken is { } j ? string.Create(CultureInfo.InvariantCulture, $" = {mark}{Summaries.SummaryText.Number(j)} J/{tokens} tok") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {mark}{total:0.000} J{perToken}");
    }
}
