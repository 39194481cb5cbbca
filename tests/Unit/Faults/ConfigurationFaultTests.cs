using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Unit.Configuration;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// <c>energybench.json</c> missing, not JSON, a key of the wrong type, an unknown key set by an environment variable,
/// a default profile that does not exist: each is one message naming the file or key and what to do (README,
/// "When something goes wrong"). Every Energy case then fails with it (the run never starts).
/// </summary>
public sealed class ConfigurationFaultTests
{
    private static Dictionary<string, string?> Env(params (string Key, string Value)[] vars) =>
        vars.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void FindRoot_NoConfigurationFileUpTheTree_SaysWhereItLookedAndWhatToDo()
    {
        // Arrange
        using var outside = new TempDirectory();

        // Act
        var act = () => RepositoryPaths.FindRoot(outside.Path, [outside.Path]);

        // Assert
        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            $"energybench.json not found in {outside.Path} or any parent folder: run from inside the repository (its root holds energybench.json), " +
            "or restore the file with git checkout energybench.json if it was deleted.");
    }

    [Fact]
    public void Load_ConfigurationNotJson_NamesTheFileLineAndByte()
    {
        // Arrange: a missing comma at the end of line 2.
        using var repo = new TempRepository("{\n  \"DefaultProfile\": \"p\"\n  \"Profiles\": {}\n}\n");

        // Act
        var act = () => ConfigLoader.Load(repo.Root, Env());

        // Assert
        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            $"{Path.Combine(repo.Root, "energybench.json")} is not valid JSON at line 3, byte 3 of that line: " +
            "'\"' is invalid after a value. Expected either ',', '}', or ']'. Fix the JSON syntax there.");
    }

    [Fact]
    public void Load_WrongType_NamesTheKeyTheValueAndTheType()
    {
        // Arrange
        using var repo = TempRepository.WithRealConfig();

        // Act
        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake"), ("ENERGYBENCH__Meter__IntervalMs", "100ms")));

        // Assert
        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "profile 'fake': Failed to convert configuration value '100ms' at 'Meter:IntervalMs' to type 'System.Int32'. " +
            "Use a value of that type (numbers use '.' as decimal separator).");
    }

    [Fact]
    public void Load_UnknownKeyFromAnEnvironmentVariable_NamesTheVariable()
    {
        // Arrange
        using var repo = TempRepository.WithRealConfig();

        // Act
        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake"), ("ENERGYBENCH__Meter__Interval", "50")));

        // Assert
        act.Should().Throw<ConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().Match(
            "Meter:Interval is not a known key: allowed keys under Meter Command, Estimate, IntervalMs, *. (set by ENERGYBENCH__Meter__Interval)");
    }

    [Fact]
    public void Load_DefaultProfileThatDoesNotExist_NamesTheProfilesAllowed()
    {
        // Arrange
        using var repo = new TempRepository("""{ "DefaultProfile": "quick", "Profiles": { "full": { "Models": ["m"] }, "fake": { "Models": ["m"] } } }""");

        // Act
        var act = () => ConfigLoader.Load(repo.Root, Env());

        // Assert
        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "DefaultProfile = 'quick' is not a profile of energybench.json: allowed fake, full.");
    }
}
