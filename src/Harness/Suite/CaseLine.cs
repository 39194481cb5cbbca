using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>The one line of test output per case.</summary>
public static class CaseLine
{
    public static string Format(CaseRecord r)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{r.Unit} | prompt {r.PromptOrdinal + 1} (#{r.PromptDatasetIndex})");
        if (r.Completion is { } c)
        {
            s.Append(CultureInfo.InvariantCulture, $" | {c.WallSeconds:0.000} s | {c.PromptTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"}+{c.CompletionTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"} tok");
            s.Append(CultureInfo.InvariantCulture, $" | {r.TokensPerSecond:0.0} tok/s | {r.WordsPerSecond:0.0} words/s");
            if (c.PrefillS is { } prefill && c.DecodeS is { } decode)
            {
                s.Append(CultureInfo.InvariantCulture, $" | prefill {prefill:0.000} s, first token {c.TimeToFirstTokenS:0.000} s, decode {decode:0.000} s");
                if (decode > 0 && c.CompletionTokens is > 0)
                    s.Append(CultureInfo.InvariantCulture, $" = {c.CompletionTokens / decode:0.0} tok/s");
            }

            if (c.Engine?.DecodeTokensPerSecond is { } engineRate)
                s.Append(CultureInfo.InvariantCulture, $" (llama.cpp: {engineRate:0.0} tok/s)");
        }

        if (r.Energy is { } e)
        {
            // Only a real counter's figure is called measured: an estimate's figures carry "~" and the line says
            // ESTIMATED; a fake meter's say SIMULATED, an imported study's IMPORTED.
            var mark = EnergyMethodText.Mark(e.Provenance.Method);
            var domains = e.Window.Domains.Where(d => d.Key != Domains.Total)
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {mark}{d.Value.Joules:0.000} J"));
            var total = e.Window.Domains.GetValueOrDefault(Domains.Total);
            s.Append(" | ").AppendJoin(", ", domains);
            if (total is not null)
            {
                s.Append(CultureInfo.InvariantCulture, $", total {mark}{total.Joules:0.000} J");
                if (e.NetJoules is { } nets && nets.TryGetValue(Domains.Total, out var net))
                    s.Append(CultureInfo.InvariantCulture, $" (net of idle {mark}{net:0.000} J)");
                s.Append(CultureInfo.InvariantCulture, $" | {mark}{total.AveragePowerW:0.00} W avg, {mark}{total.PeakPowerW:0.00} W peak");
            }
            var method = EnergyMethodText.Word(e.Provenance.Method);
            s.Append(CultureInfo.InvariantCulture, $" | {e.Provenance.Meter}, {method}, {e.Window.SampleCount} samples, {e.Window.Coverage * 100:0.0}% covered");
            if (e.Window.EdgeJoules.TryGetValue(Domains.Total, out var edgeJ) && e.Window.ProRataJoules.TryGetValue(Domains.Total, out var proRata))
                s.Append(CultureInfo.InvariantCulture, $" | edges {e.Window.EdgeRule}: {mark}{edgeJ:0.000} J of the total from edge samples (pro rata {mark}{proRata:0.000} J)");
            if (e.Attribution is { } a)
                s.Append(CultureInfo.InvariantCulture, $" | attributed {a.Share * 100:0.0}% of the point's {mark}{a.PointJoules.GetValueOrDefault(Domains.Total):0.000} J window (by active time)");
            else if (e.Window.Approximation is { } approximation)
                s.Append(" | approximated: ").Append(approximation);
            if (Phases.PhaseText.Brief(r.Phases, mark) is { Length: > 0 } phases)
                s.Append(" | ").Append(phases);
        }

        if (r.BackendSimulated)
            s.Append(" | FAKE backend");
        if (r.Problems.Count > 0)
            s.Append(" | INVALID: ").AppendJoin("; ", r.Problems);
        return s.ToString();
    }
}
