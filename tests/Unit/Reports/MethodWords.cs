using System.Text.RegularExpressions;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>Finds where a text calls something measured, to check that simulated and imported figures never are.</summary>
internal static partial class MethodWords
{
    /// <summary>What the reports say of the paper's own method: a claim about the paper, not about this run's figures.</summary>
    public const string PaperSentence = "The paper (From Words to Watts) measured GPU energy only";

    /// <summary>
    /// Every "measured" in <paramref name="text"/> (any case, as a word) that is not "not measured" and not said of the
    /// paper, with 60 characters of context either side; empty when the text claims no measurement.
    /// </summary>
    public static IReadOnlyList<string> MeasuredClaims(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Replace(PaperSentence, "", StringComparison.Ordinal);
        return [.. Measured().Matches(rest)
            .Where(m => m.Index < 4 || !rest.AsSpan(m.Index - 4, 4).Equals("not ", StringComparison.OrdinalIgnoreCase))
            .Select(m => rest[Math.Max(0, m.Index - 60)..Math.Min(rest.Length, m.Index + 68)])];
    }

    [GeneratedRegex(@"\bmeasured\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Measured();
}
