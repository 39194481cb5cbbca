using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// The cases a configuration asks for, in the order they run: unit by unit (<see cref="RunUnits.Of"/>: models, or each runtime's
/// models in turn, each at each sweep point), each repetition (<c>Protocol:Repetitions</c>) of all prompts (<c>Prompts:Count</c>) in
/// turn. A point whose requests overlap is one row per repetition holding all its prompts. The test suite's theory rows and
/// <c>slmbench run</c> both run this plan, so both measure the same cases in the same order.
/// </summary>
public static class CasePlan
{
    /// <summary>How many requests (case records) <paramref name="options"/> plans: units x Protocol:Repetitions x Prompts:Count.</summary>
    public static int Count(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunUnits.Of(options).Count * options.Protocol.Repetitions * options.Prompts.Count;
    }

    /// <summary>Every row of <paramref name="options"/>: one per request at one request at a time, one per repetition of an overlapping point.</summary>
    public static IReadOnlyList<PlannedCase> Of(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cases = new List<PlannedCase>(Count(options));
        foreach (var unit in RunUnits.Of(options))
        {
            var inFlight = unit.Point?.InFlight ?? 1;
            for (var run = 1; run <= options.Protocol.Repetitions; run++)
            {
                if (inFlight > 1)
                {
                    cases.Add(new PlannedCase(unit.Label, 0, run, options.Prompts.Count, options.Protocol.Repetitions, inFlight));
                    continue;
                }

                for (var prompt = 1; prompt <= options.Prompts.Count; prompt++)
                    cases.Add(new PlannedCase(unit.Label, prompt, run, options.Prompts.Count, options.Protocol.Repetitions));
            }
        }

        return cases;
    }
}
