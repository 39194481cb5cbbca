using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Where a unit's requests go and what they ask: its runtime's backend, the name that runtime serves the model by, and the request at
/// the unit's sweep point. Units are named by <see cref="RunUnit.Label"/>; a label the configuration lacks is a model of that name alone.
/// </summary>
/// <param name="options">The run's configuration.</param>
/// <param name="backends">One backend per runtime (one with a null runtime in a run of one runtime).</param>
internal sealed class UnitRouting(BenchOptions options, IReadOnlyList<RuntimeBackend> backends)
{
    /// <summary>The unit labelled <paramref name="label"/>; a unit of that model name alone when the configuration has none (its cases then fail saying so).</summary>
    public RunUnit UnitOf(string label) => RunUnits.Find(options, label) ?? new RunUnit(null, label);

    /// <summary>The backend that runs unit <paramref name="label"/> and the name it requests the model by.</summary>
    public (ICompletionBackend Backend, string Served) BackendOf(string label) => BackendOf(backends, options, UnitOf(label));

    /// <summary>The backend that runs <paramref name="unit"/> and the name it requests the model by.</summary>
    public static (ICompletionBackend Backend, string Served) BackendOf(IReadOnlyList<RuntimeBackend> backends, BenchOptions options, RunUnit unit)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Runtime is null)
            return (backends[0].Backend, unit.Model);
        var runtime = options.Runtimes.First(r => r.Name == unit.Runtime);
        return (backends.First(b => b.Runtime == unit.Runtime).Backend, runtime.ServedName(unit.Model));
    }

    /// <summary>The runtime backend of the unit labelled <paramref name="label"/>; null for an unknown unit.</summary>
    public RuntimeBackend? RuntimeOf(string label) => RunUnits.Find(options, label) is { } unit
        ? backends.FirstOrDefault(b => b.Runtime == unit.Runtime)
        : null;

    /// <summary>
    /// The request for <paramref name="prompt"/> at the point of unit <paramref name="label"/>: the point's temperature and max tokens (and,
    /// in process, batch size and threads), the profile's top-p and seed; the model by <paramref name="served"/>, the name its runtime serves it as.
    /// </summary>
    public CompletionRequest Request(string label, string served, string prompt)
    {
        var g = options.Generation;
        var point = UnitOf(label).Point ?? SweepPlan.Of(options)[0];
        return new CompletionRequest(served, prompt, point.MaxTokens, point.Temperature, g.TopP, g.Seed)
        {
            BatchSize = point.BatchSize,
            Threads = point.Threads,
        };
    }

    /// <summary>The record of unit <paramref name="label"/>'s case for <paramref name="prompt"/> before it is measured: failed until a measurement says otherwise.</summary>
    public CaseRecord Unmeasured(string runId, string label, Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var unit = UnitOf(label);
        return new CaseRecord
        {
            RunId = runId,
            Model = unit.Model,
            Runtime = unit.Runtime,
            Point = unit.Point,
            PromptOrdinal = prompt.Ordinal,
            PromptDatasetIndex = prompt.DatasetIndex,
            PromptText = prompt.Text,
            Outcome = "failed",
            BackendSimulated = RuntimeOf(label)?.Simulated ?? backends.Any(b => b.Simulated),
        };
    }
}
