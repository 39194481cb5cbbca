using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>The wording and number formatting the run charts share (invariant culture throughout).</summary>
internal static class ChartText
{
    /// <summary>
    /// Appended to the title of every energy chart of a run whose energy is not measured: " (ESTIMATED by a model, not a
    /// meter)", " (SIMULATED by a fake meter, no hardware)", " (IMPORTED from another study)"; nothing for measured energy.
    /// </summary>
    public static string TitleSuffix(EnergyMethod method) => method switch
    {
        EnergyMethod.Measured => "",
        EnergyMethod.Estimated => " (ESTIMATED by a model, not a meter)",
        EnergyMethod.Simulated => " (SIMULATED by a fake meter, no hardware)",
        EnergyMethod.Imported => " (IMPORTED from another study)",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown energy method"),
    };

    /// <summary>A number with three significant digits, e.g. 0.0123, 1.23, 123, 1230.</summary>
    public static string Number(double value)
    {
        if (value == 0 || !double.IsFinite(value))
            return value.ToString(CultureInfo.InvariantCulture);
        var digits = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value, Math.Min(digits, 15)).ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>Lower case, every run of characters other than letters and digits turned into one '-'.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
                slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>The meter's domains without the derived total, joined with '+', e.g. <c>cpu+gpu+ane</c>.</summary>
    public static string Components(EnergyProvenance meter)
    {
        var parts = meter.Domains.Where(d => d != Domains.Total).ToArray();
        return parts.Length == 0 ? Domains.Total : string.Join('+', parts);
    }

    /// <summary>
    /// The caption's sentence on where the energy came from, in the words of <see cref="EnergyMethodText.Meaning"/>:
    /// "Energy measured by this machine's energy counters (meter powermetrics; domains cpu+gpu+ane)." or "Energy SIMULATED
    /// by a fake meter that the suite ships, not measured on any hardware (meter powermetrics; ...).".
    /// </summary>
    public static string EnergySource(EnergyProvenance meter, EnergyMethod method) =>
        $"Energy {EnergyMethodText.Meaning(method)} (meter {meter.Meter}; domains {Components(meter)}).";

    /// <summary>The confidence level as a percentage, e.g. 95%.</summary>
    public static string Percent(double confidence) =>
        (confidence * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
