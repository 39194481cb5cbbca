using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>The wording and number formatting the run charts share (invariant culture throughout).</summary>
internal static class ChartText
{
    /// <summary>Appended to the title of every energy chart of an estimated run.</summary>
    public const string EstimatedTitleSuffix = " (ESTIMATED by a model, not a meter)";

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

    /// <summary>"Energy from powermetrics (cpu+gpu+ane, total domain), measured." or its ESTIMATED form.</summary>
    public static string EnergySource(EnergyProvenance meter, bool estimated) =>
        estimated
            ? $"Energy ESTIMATED by {meter.Meter} (a model, not a meter; domains {Components(meter)}, total domain): not a measurement."
            : $"Energy measured by {meter.Meter} (domains {Components(meter)}, total domain).";

    /// <summary>The confidence level as a percentage, e.g. 95%.</summary>
    public static string Percent(double confidence) =>
        (confidence * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
