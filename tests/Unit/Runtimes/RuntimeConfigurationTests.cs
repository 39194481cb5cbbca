using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Unit.Runtimes;

/// <summary>Runtimes in the configuration: the units they make, the plan's order and names, and what the validator refuses.</summary>
public sealed class RuntimeConfigurationTests
{
    private static BenchOptions Options(params RuntimeOptions[] runtimes) => new()
    {
        Models = ["a", "b"],
        Prompts = new PromptOptions { Count = 2 },
        Runtimes = [.. runtimes],
    };

    private static RuntimeOptions Runtime(string name, params string[] models) =>
        new() { Name = name, Backend = new BackendOptions { Kind = BackendKinds.FakeGpt4All }, Models = [.. models] };

    [Fact]
    public void Of_NoRuntimes_UnitsAreTheModelsWithoutARuntime()
    {
        RunUnits.Of(Options()).Select(u => u.Label).Should().Equal("a", "b");
    }

    [Fact]
    public void Of_TwoRuntimesOneLimitedToAModel_RuntimeByRuntimeEachOfItsModels()
    {
        // Act
        var units = RunUnits.Of(Options(Runtime("ollama"), Runtime("llama-server", "b")));

        // Assert
        units.Select(u => u.Label).Should().Equal("ollama / a", "ollama / b", "llama-server / b");
        CasePlan.Count(Options(Runtime("ollama"), Runtime("llama-server", "b"))).Should().Be(3 * 2);
        CasePlan.Of(Options(Runtime("ollama"), Runtime("llama-server", "b")))[^1].DisplayName.Should().Be("Energy: llama-server / b / prompt 2 of 2");
    }

    [Fact]
    public void ServedName_MappedAndUnmappedModels_TheRuntimesNameOrTheModelsOwn()
    {
        var runtime = new RuntimeOptions { Name = "ollama", ModelNames = new() { ["a"] = "llama3.2:1b" } };
        (runtime.ServedName("a"), runtime.ServedName("b")).Should().Be(("llama3.2:1b", "b"));
    }

    [Fact]
    public void Validate_BadRuntimes_EachProblemNamesItsKey()
    {
        // Arrange: a name with '/', a duplicate name (case aside), an unknown kind, a model name mapping for a model the profile lacks.
        var options = Options(
            Runtime("a/b"),
            new RuntimeOptions { Name = "Ollama", Backend = new BackendOptions { Kind = "olama" } },
            new RuntimeOptions { Name = "ollama", Backend = new BackendOptions { Kind = BackendKinds.FakeGpt4All }, ModelNames = new() { ["c"] = "x" } });
        options.Backend.Kind = BackendKinds.FakeGpt4All;
        options.Fake.Models = [new FakeModelOptions { Name = "a" }];
        options.Fake.DefaultModel = "a";

        // Act
        var problems = ConfigValidator.Validate(options, _ => "the test");

        // Assert
        problems.Should().Contain("Runtimes:0:Name = 'a/b' (the test): allowed a non-empty runtime name without '/' or surrounding spaces, e.g. ollama or llama-server.");
        problems.Should().Contain(p => p.StartsWith("Runtimes:1:Backend:Kind = 'olama' (the test): allowed one of gpt4all, fake-gpt4all,", StringComparison.Ordinal));
        problems.Should().Contain("Runtimes:2:ModelNames = 'c' (the test): allowed names of the profile's Models (a, b): the runtimes are lined up by them.");
        problems.Should().Contain("Runtimes = 'Ollama' (the test): allowed runtime names that differ (case aside): each names its cases and its column in the report.");
    }
}
