using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Harness.Runtimes;

/// <summary>Reads, before the first case, the settings each runtime reveals for each of its models (<see cref="IRevealsSettings"/>).</summary>
public static class RuntimeSettings
{
    /// <summary>
    /// Runtime name → profile model name → setting → value, for the runtimes of a multi-runtime run whose backend reveals settings;
    /// units in <paramref name="unitProblems"/> (not served) are left out. Empty for a run of one runtime. Never throws on a server's answer.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>> ReadAsync(
        IReadOnlyList<RuntimeBackend> backends, BenchOptions options, IReadOnlyDictionary<string, string> unitProblems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(options);
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var runtime in options.Runtimes)
        {
            if (backends.FirstOrDefault(b => b.Runtime == runtime.Name)?.Backend is not IRevealsSettings reveals)
                continue;
            var perModel = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var unit in RunUnits.Of(options).Where(u => u.Runtime == runtime.Name && !unitProblems.ContainsKey(u.Label)))
                perModel[unit.Model] = await reveals.SettingsAsync(runtime.ServedName(unit.Model), cancellationToken).ConfigureAwait(false);
            result[runtime.Name] = perModel;
        }

        return result;
    }
}
