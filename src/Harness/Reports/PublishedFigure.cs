namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// One published energy figure with the conditions that make it comparable or not: J/token is only comparable with
/// J/token at a similar batch size on similar hardware over the same components.
/// </summary>
/// <param name="Source">Who published it, e.g. "From Words to Watts (Samsi et al. 2023)".</param>
/// <param name="Model">The model as the source names it.</param>
/// <param name="Hardware">The hardware, e.g. "NVIDIA A100".</param>
/// <param name="BatchSize">The batch size as the source gives it (a number, "~511", "1").</param>
/// <param name="Components">What the energy covers, e.g. "GPU only" or "CPU+GPU+ANE".</param>
/// <param name="JoulesPerToken">Joules per output token, when published or derivable.</param>
/// <param name="JoulesPerResponse">Joules per response, when published or derivable.</param>
/// <param name="HowObtained">How the figure was obtained from the source: quoted, read off a chart, or derived.</param>
public sealed record PublishedFigure(
    string Source,
    string Model,
    string Hardware,
    string BatchSize,
    string Components,
    double? JoulesPerToken,
    double? JoulesPerResponse,
    string HowObtained)
{
    /// <summary>"LLaMA 7B, NVIDIA A100, batch 64, GPU only": the label a chart and a table show.</summary>
    public string Label => $"{Model}, {Hardware}, batch {BatchSize}, {Components}";
}
