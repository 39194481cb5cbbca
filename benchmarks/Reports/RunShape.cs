namespace SlmEnergyBench.Benchmarks.Reports;

/// <summary>
/// The size of a generated run: <see cref="Models"/> x <see cref="Prompts"/> x <see cref="Repetitions"/> cases, as
/// <c>Models</c>, <c>Prompts:Count</c> and <c>Protocol:Repetitions</c> would configure it.
/// </summary>
/// <param name="Models">Models in the run (at most <see cref="SyntheticRun.ModelNames"/>' count).</param>
/// <param name="Prompts">Prompts per model.</param>
/// <param name="Repetitions">Repetitions of each model x prompt.</param>
public sealed record RunShape(int Models, int Prompts, int Repetitions)
{
    /// <summary>Cases in the run: models x prompts x repetitions.</summary>
    public int Cases => Models * Prompts * Repetitions;

    /// <summary>
    /// The shape of the benchmarks' runs of <paramref name="cases"/> cases: 4 models and the most repetitions (up to 5)
    /// that split each model's cases into whole prompts, at least 8 of them: 36 = 4 x 9 x 1, 768 = 4 x 48 x 4,
    /// 10,000 = 4 x 500 x 5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cases"/> is not a positive multiple of 4.</exception>
    public static RunShape For(int cases)
    {
        const int models = 4;
        if (cases <= 0 || cases % models != 0)
            throw new ArgumentOutOfRangeException(nameof(cases), cases, $"a generated run has {models} models: give a positive multiple of {models} cases.");
        var perModel = cases / models;
        var repetitions = Enumerable.Range(1, 5).Reverse().First(r => r == 1 || (perModel % r == 0 && perModel / r >= 8));
        return new RunShape(models, perModel / repetitions, repetitions);
    }
}
