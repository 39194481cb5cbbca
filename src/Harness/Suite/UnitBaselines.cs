using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Each unit's accepted baseline on this machine and profile (<c>Regression:BaselinesDirectory</c>/machine/profile/unit), read once and
/// kept; when there is none, why (and whether other hardware has one, which is not comparable).
/// </summary>
/// <param name="config">The run's configuration (baselines folder, profile).</param>
/// <param name="machine">This machine (its key names the baselines folder).</param>
internal sealed class UnitBaselines(LoadedConfiguration config, MachineInfo machine)
{
    private readonly Dictionary<string, (Baseline? Baseline, string? Missing)> _known = new(StringComparer.Ordinal);

    /// <summary>The baseline file of unit <paramref name="label"/>.</summary>
    public string PathOf(string label) => BaselineStore.PathFor(config.Resolve(config.Options.Regression.BaselinesDirectory),
        BaselineStore.MachineKey(machine), config.Options.Profile, label);

    /// <summary>Unit <paramref name="label"/>'s baseline, or null with what is missing and how to accept one.</summary>
    public (Baseline? Baseline, string? Missing) Of(string label)
    {
        if (_known.TryGetValue(label, out var known))
            return known;
        var path = PathOf(label);
        var baseline = BaselineStore.Load(path);
        string? missing = null;
        if (baseline is null)
        {
            var root = config.Resolve(config.Options.Regression.BaselinesDirectory);
            var file = Path.GetFileName(path);
            var others = Directory.Exists(root)
                ? Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, config.Options.Profile, file))).Select(Path.GetFileName).ToList()
                : [];
            missing = $"no baseline for this machine ('{BaselineStore.MachineKey(machine)}') and profile '{config.Options.Profile}' at {path}" +
                      (others.Count > 0 ? $"; baselines from other hardware ({string.Join(", ", others)}) are not comparable" : "") +
                      $". Accept one with {ConfigLoader.AcceptBaselineVariable}=1 (README: Baselines).";
        }

        return _known[label] = (baseline, missing);
    }

    /// <summary>Forgets unit <paramref name="label"/>'s baseline (after this run was accepted as the new one).</summary>
    public void Forget(string label) => _known.Remove(label);
}
