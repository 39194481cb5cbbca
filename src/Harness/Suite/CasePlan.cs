using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// The cases a configuration asks for, in the order they run: unit by unit (<see cref="RunUnits.Of"/>: <c>Models</c>, or each
/// runtime's models in turn), each repetition
/// (<c>Protocol:Repetitions</c>) of all prompts (<c>Prompts:Count</c>) in turn. The test suite's theory rows and
/// <c>slmbench run</c> both run this plan, so both measure the same cases in the same order.
/// </summary>
public static class CasePlan
{
    /// <summary>How many cases <paramref name="options"/> plans: units (models, or runtime x model) x Protocol:Repetitions x Prompts:Count.</summary>
    public static int Count(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunUnits.Of(options).Count * options.Protocol.Repetitions * options.Prompts.Count;
    }

    /// <summary>Every case of <paramref name="options"/>: <see cref="Count"/> of them.</summary>
    public static IReadOnlyList<PlannedCase> Of(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cases = new List<PlannedCase>(Count(options));
        foreach (var unit in RunUnits.Of(options))
        {
            for (var run = 1; run <= options.Protocol.Repetitions; run++)
            {
                for (var prompt = 1; prompt <= options.Prompts.Count; prompt++)
                    cases.Add(new PlannedCase(unit.Label, prompt, run, options.Prompts.Count, options.Protocol.Repetitions));
            }
        }

        return cases;
    }
}
