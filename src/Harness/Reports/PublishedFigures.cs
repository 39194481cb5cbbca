namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// The published figures a run is compared with, from <c>shared/reference/from-words-to-watts.md</c>: the paper's
/// Alpaca figures (read off its charts, about ±10%, J/token and J/response derived as W / rate), the seed study's
/// figures, and two other published points for scale. Each carries hardware, batch size and components.
/// </summary>
public static class PublishedFigures
{
    public const string Paper = "From Words to Watts (Samsi et al., HPEC 2023)";
    public const string SeedStudy = "Seed study (GPT4All 3.7, 2025)";
    public const string GreenTokenIndex = "Green Token Index";
    public const string MlEnergy = "ML.ENERGY v3";

    private const string PaperHow = "read off the paper's Alpaca charts (about ±10%); derived as W / rate";
    private const string V100 = "NVIDIA V100 32 GB";
    private const string A100 = "NVIDIA A100";
    private const string Gpu = "GPU only";

    /// <summary>"From Words to Watts": LLaMA 7B, 13B, 65B on V100 and A100 at batch 64, max length 256.</summary>
    public static IReadOnlyList<PublishedFigure> FromWordsToWatts { get; } =
    [
        new(Paper, "LLaMA 7B", V100, "64", Gpu, 0.33, 77, PaperHow),
        new(Paper, "LLaMA 7B", A100, "64", Gpu, 0.25, 57, PaperHow),
        new(Paper, "LLaMA 13B", V100, "64", Gpu, 0.66, 146, PaperHow),
        new(Paper, "LLaMA 13B", A100, "64", Gpu, 0.57, 125, PaperHow),
        new(Paper, "LLaMA 65B", V100, "64", Gpu, 2.2, 450, PaperHow),
        new(Paper, "LLaMA 65B", A100, "64", Gpu, 2.1, 440, PaperHow),
    ];

    /// <summary>
    /// The seed study (GPT4All on a MacBook Pro M1 Pro, batch 1, GPU only, rectangle sum). The 1B figures are from
    /// its published results_0.json; the 3B and 8B ones were read off its charts.
    /// </summary>
    public static IReadOnlyList<PublishedFigure> Study { get; } =
    [
        new(SeedStudy, "Llama 3.2 1B Instruct q4_0", "Apple M1 Pro", "1", Gpu, 0.14, 58, "from the study's results_0.json"),
        new(SeedStudy, "Llama 3.2 3B Instruct q4_0", "Apple M1 Pro", "1", Gpu, 0.32, 151, "read off the study's charts"),
        new(SeedStudy, "Llama 3 8B Instruct q4_0", "Apple M1 Pro", "1", Gpu, 0.65, 367, "read off the study's charts"),
    ];

    /// <summary>Other published points, for scale: batch size dominates J/token.</summary>
    public static IReadOnlyList<PublishedFigure> ForScale { get; } =
    [
        new(GreenTokenIndex, "Llama 3.1 8B BF16 (vLLM)", "NVIDIA H100", "~511", Gpu, 0.070, null, "quoted"),
        new(MlEnergy, "Llama 3.1 70B", "NVIDIA H100", "8", Gpu, 3.76, null, "quoted"),
        new(MlEnergy, "Llama 3.1 70B", "NVIDIA H100", "64", Gpu, 0.80, null, "quoted"),
        new(MlEnergy, "Llama 3.1 70B", "NVIDIA H100", "1024", Gpu, 0.37, null, "quoted"),
    ];

    /// <summary>Every figure: the paper's, the study's, then the others.</summary>
    public static IReadOnlyList<PublishedFigure> All { get; } = [.. FromWordsToWatts, .. Study, .. ForScale];
}
