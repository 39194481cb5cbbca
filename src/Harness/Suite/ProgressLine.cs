using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// The progress line printed as a run goes, e.g.
/// <c>Progress: 12 of 36 cases (1 failed) | synthetic-3b | elapsed 0:42 | ETA 1:24 | last case 3.214 J (SIMULATED), 54.2 tok/s</c>.
/// </summary>
public static class ProgressLine
{
    /// <summary>Formats <paramref name="p"/>; the last case's energy carries its method's mark (<c>~</c> for an estimate) and word.</summary>
    public static string Format(CaseProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var r = p.Record;
        var s = string.Create(CultureInfo.InvariantCulture, $"Progress: {p.Done} of {p.Total} cases");
        if (p.Failed > 0)
            s += string.Create(CultureInfo.InvariantCulture, $" ({p.Failed} failed)");
        s += $" | {r.Unit} | elapsed {Duration(p.ElapsedS)} | ETA {(p.EtaS is { } eta ? Duration(eta) : "?")}";
        if (p.Kept)
            return s + " | last case kept from an earlier segment";
        if (r.Outcome == "cancelled")
            return s + " | last case CANCELLED (no measurement; a resumption measures it)";
        if (r.Problems.Count > 0)
            return s + " | last case FAILED: " + r.Problems[0];
        var total = r.Energy?.Window.Domains.GetValueOrDefault(Domains.Total);
        var method = r.Energy is { } e ? e.Provenance.Method : EnergyMethod.Measured;
        var energy = total is null ? "no energy" : string.Create(CultureInfo.InvariantCulture,
            $"{EnergyMethodText.Mark(method)}{total.Joules:0.000} J ({EnergyMethodText.Word(method)})");
        return s + string.Create(CultureInfo.InvariantCulture, $" | last case {energy}, {r.TokensPerSecond:0.0} tok/s");
    }

    /// <summary>Seconds as <c>m:ss</c> below an hour, <c>h:mm:ss</c> above.</summary>
    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }
}
