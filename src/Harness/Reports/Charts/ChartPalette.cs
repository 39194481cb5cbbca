using ScottPlot;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// The colours of the run charts, fixed so that a model keeps its colour in every chart of a report (and the tests
/// can find a model's bars by colour in the SVG and the PNG).
/// </summary>
public static class ChartPalette
{
    /// <summary>The Category10 colours (Matplotlib's and ScottPlot's default), one per model in run order.</summary>
    private static readonly string[] ModelHex =
        ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF"];

    /// <summary>The colour of the error bars (confidence intervals), distinct from every model colour.</summary>
    public const string ErrorBarHex = "#303438";

    /// <summary>Published comparison: this run's bars.</summary>
    public const string ThisRunHex = "#D62728";

    /// <summary>Published comparison: the "From Words to Watts" paper's bars.</summary>
    public const string PaperHex = "#1F77B4";

    /// <summary>Published comparison: the seed study's bars.</summary>
    public const string SeedStudyHex = "#2CA02C";

    /// <summary>Published comparison: every other published figure (for scale).</summary>
    public const string OthersHex = "#7F7F7F";

    /// <summary>The idle level line of the power charts.</summary>
    public const string IdleHex = "#000000";

    /// <summary>The hex colour (<c>#RRGGBB</c>) of the model at <paramref name="index"/> in <see cref="RunData.Models"/>.</summary>
    public static string HexForModel(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return ModelHex[index % ModelHex.Length];
    }

    /// <summary>The colour of the model at <paramref name="index"/> in <see cref="RunData.Models"/>.</summary>
    public static Color ForModel(int index) => Color.FromHex(HexForModel(index));

    /// <summary>The colour group of a published figure's source.</summary>
    public static string HexForSource(string source) => source switch
    {
        PublishedFigures.Paper => PaperHex,
        PublishedFigures.SeedStudy => SeedStudyHex,
        _ => OthersHex,
    };
}
