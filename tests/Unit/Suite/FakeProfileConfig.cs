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
            ["ENERGYBENCH__Prompts__Count"] = "2",
            ["ENERGYBENCH__Protocol__PauseMs"] = "0",
            ["ENERGYBENCH__Protocol__IdleSeconds"] = "0",
        };
        foreach (var (key, value) in overrides)
            env[key] = value;
        return ConfigLoader.Load(TestRepository.Root, env);
    }
}
