namespace SlmEnergyBench.Harness.Runtimes;

/// <summary>
/// The unit a run measures, summarises and compares: a model, or in a multi-runtime run a runtime x model.
/// <paramref name="Runtime"/> is null in a run of one runtime (then the unit is the model alone, as in runs before runtimes
/// were an axis); <paramref name="Model"/> is the profile's name of the model, whatever the runtime calls it.
/// </summary>
public sealed record RunUnit(string? Runtime, string Model)
{
    /// <summary>The separator in <see cref="Label"/>.</summary>
    public const string Separator = " / ";

    /// <summary><c>model</c>, or <c>runtime / model</c>: the key in records, summaries, baselines and test names.</summary>
    public string Label => Runtime is null ? Model : Runtime + Separator + Model;

    public override string ToString() => Label;
}
