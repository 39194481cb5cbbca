using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>The one line of test output per overlapping point: its window, steady state and attribution check.</summary>
public static class PointLine
{
    /// <summary>
    /// E.g. <c>m / concurrency 4 | run 1 | 8 requests, 8 answered, 4 in flight | window 6.120 s, total 80.100 J, 95.2 tok/s | steady state
    /// 3.900 s: 0.0523 J/token (net 0.0301), 240.1 tok/s, tokens counted: ... | attributed 80.100 J = window +0.000%</c>;
    /// estimated figures carry <c>~</c>.
    /// </summary>
    public static string Format(PointRecord p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var mark = p.Provenance is { } provenance ? EnergyMethodText.Mark(provenance.Method) : "";
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{p.Unit} | run {p.Repetition} | {p.Requests} requests, {p.Answered} answered, {p.Point.InFlight} in flight");
        var total = p.Window?.Domains.GetValueOrDefault(Domains.Total)?.Joules;
        if (p.Window is { } w)
            s.Append(CultureInfo.InvariantCulture, $" | window {w.DurationS:0.000} s, total {mark}{total:0.000} J, {p.TokensPerSecond:0.0} tok/s");
        if (p.SteadyState is { Reached: true } ss)
        {
            s.Append(CultureInfo.InvariantCulture, $" | steady state {ss.DurationS:0.000} s: {mark}{ss.JoulesPerToken:0.0000} J/token");
            if (ss.NetJoulesPerToken is { } net)
                s.Append(CultureInfo.InvariantCulture, $" (net of idle {mark}{net:0.0000})");
            s.Append(CultureInfo.InvariantCulture, $", {ss.TokensPerSecond:0.0} tok/s, tokens {ss.TokenSource}");
        }
        else if (p.SteadyState is { } notReached)
        {
            s.Append(" | steady state ").Append(notReached.Reason);
        }

        if (p.AttributedJoules is { } attributed && total is > 0)
            s.Append(CultureInfo.InvariantCulture, $" | attributed {mark}{attributed:0.000} J = window {(attributed - total.Value) / total.Value * 100:+0.000;-0.000;0.000}%");
        if (p.Problems.Count > 0)
            s.Append(" | INVALID: ").AppendJoin("; ", p.Problems);
        return s.ToString();
    }
}
