using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Runtimes;

/// <summary>
/// The unit a run measures, summarises and compares: a model, in a multi-runtime run a runtime x model, and in a sweep each of
/// those at each point (<see cref="SweepPoint"/>). <paramref name="Runtime"/> is null in a run of one runtime; <paramref name="Model"/>
/// is the profile's name of the model, whatever the runtime calls it; <paramref name="Point"/> is null, or has an empty label, in a
/// run of one point (then the unit is named as before sweeps existed).
/// </summary>
public sealed record RunUnit(string? Runtime, string Model, SweepPoint? Point = null)
{
    /// <summary>The separator in <see cref="Label"/>.</summary>
    public const string Separator = " / ";

    /// <summary>
    /// <c>model</c>, <c>runtime / model</c>, and with a labelled point <c>model / concurrency 8</c> or <c>runtime / model / temperature 1.4</c>:
    /// the key in records, summaries, baselines, resume and test names.
    /// </summary>
    public string Label => string.Join(Separator, new[] { Runtime, Model, Point?.Label }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>The runtime x model this unit measures, without its point: what is warmed up, checked and asked for by name.</summary>
    public RunUnit WithoutPoint => this with { Point = null };

    public override string ToString() => Label;
}
