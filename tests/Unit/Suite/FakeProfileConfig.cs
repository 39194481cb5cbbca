using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>The <c>fake</c> profile as session tests load it: results in a scratch folder, 2 prompts, no pauses and no idle measurement.</summary>
internal static class FakeProfileConfig
{
    /// <param name="results">The scratch results folder.</param>
    /// <param name="overrides">Further ENERGYBENCH_ variables, applied last.</param>
    public static LoadedConfiguration Load(string results, params (string Key, string Value)[] overrides)
    {
        var env = new Dictionary<string, string?>
        {
            ["ENERGYBENCH_PROFILE"] = "fake",
            ["ENERGYBENCH__Results__Directory"] = results,
            ["ENERGYBENCH__Results__MachineLock"] = Path.Combine(results, "machine.lock"),
            ["ENERGYBENCH__Prompts__Count"] = "2",
            ["ENERGYBENCH__Protocol__PauseMs"] = "0",
            ["ENERGYBENCH__Protocol__IdleSeconds"] = "0",
            // The in-process fake server answers its probe in milliseconds; on a loaded 2-core CI machine it has taken over 3 s.
            ["ENERGYBENCH__Backend__ProbeTimeoutSeconds"] = "30",
        };
        foreach (var (key, value) in overrides)
            env[key] = value;
        return ConfigLoader.Load(TestRepository.Root, env);
    }
}
