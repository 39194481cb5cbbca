using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Sweeps;
using SlmEnergyBench.Unit.Configuration;

namespace SlmEnergyBench.Unit.Sweeps;

/// <summary>Sweep axes written as lists at the settings' keys, the grid they make, its labels, the plan's rows and the validator's refusals.</summary>
public sealed class SweepConfigurationTests
{
    private static string Profile(string extra) => $$"""
        {
          "DefaultProfile": "p",
          "Profiles": {
            "p": {
              "Backend": { "Kind": "fake-openai", "Flavor": "llama.cpp" },
              "Models": [ "a", "b" ],
              "Prompts": { "Source": "prompts.json", "Pool": 4, "Count": 3 },
              "Fake": { "DefaultModel": "a", "Models": [ { "Name": "a" }, { "Name": "b" } ] }
              {{extra}}
            }
          }
        }
        """;

    private static LoadedConfiguration Load(string extra, params (string Key, string Value)[] env)
    {
        using var repo = new TempRepository(Profile(extra));
        return ConfigLoader.Load(repo.Root, env.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_ListsAtTheSettingsKeys_MakeTheGridInOrderWithLabelsOfWhatVaries()
    {
        var config = Load(""", "Generation": { "Temperature": [0, 1.4], "MaxTokens": 256 }, "Load": { "Concurrency": [1, 4] }""");

        var o = config.Options;
        o.Generation.Temperature.Should().Be(0, "the setting keeps the list's first value");
        o.Sweep.Temperature.Should().Equal(0, 1.4);
        o.Sweep.Concurrency.Should().Equal(1, 4);
        SweepPlan.Of(o).Select(p => (p.Label, p.Temperature, p.MaxTokens, p.Concurrency)).Should().Equal(
            ("temperature 0, concurrency 1", 0, 256, 1),
            ("temperature 0, concurrency 4", 0, 256, 4),
            ("temperature 1.4, concurrency 1", 1.4, 256, 1),
            ("temperature 1.4, concurrency 4", 1.4, 256, 4));
    }

    [Fact]
    public void Plan_ConcurrencySweep_OneRowPerRequestAtOneInFlightAndOneRowPerOverlappingPoint()
    {
        var config = Load(""", "Load": { "Concurrency": [1, 2] }""");

        var plan = CasePlan.Of(config.Options);

        plan.Select(c => c.DisplayName).Should().Equal(
            "Energy: a / concurrency 1 / prompt 1 of 3", "Energy: a / concurrency 1 / prompt 2 of 3", "Energy: a / concurrency 1 / prompt 3 of 3",
            "Energy: a / concurrency 2 / 3 prompts, 2 in flight",
            "Energy: b / concurrency 1 / prompt 1 of 3", "Energy: b / concurrency 1 / prompt 2 of 3", "Energy: b / concurrency 1 / prompt 3 of 3",
            "Energy: b / concurrency 2 / 3 prompts, 2 in flight");
        CasePlan.Count(config.Options).Should().Be(12, "2 models x 2 points x 3 prompts: every request is a record");
        RunUnits.Find(config.Options, "b / concurrency 2")!.Point!.InFlight.Should().Be(2);
    }

    [Fact]
    public void Load_OnePointAtOneRequest_KeepsTheUnitsNamedAsBefore()
    {
        var config = Load("");

        RunUnits.Of(config.Options).Select(u => u.Label).Should().Equal("a", "b");
        CasePlan.Of(config.Options)[0].DisplayName.Should().Be("Energy: a / prompt 1 of 3");
    }

    [Fact]
    public void Load_SingleConcurrencyAboveOne_IsNamedInTheLabel()
    {
        var config = Load(""", "Load": { "Concurrency": 8 }""");

        RunUnits.Of(config.Options).Select(u => u.Label).Should().Equal("a / concurrency 8", "b / concurrency 8");
    }

    [Fact]
    public void Load_CommaListInAnOverride_ReplacesTheProfilesList()
    {
        var config = Load(""", "Load": { "Concurrency": [1, 2] }""", ("ENERGYBENCH__Load__Concurrency", "1,4,8"));

        config.Options.Sweep.Concurrency.Should().Equal(1, 4, 8);
        config.Options.Load.Concurrency.Should().Be(1);
    }

    [Fact]
    public void Load_ScalarOverrideOfASweptAxis_EndsTheSweep()
    {
        var config = Load(""", "Generation": { "Temperature": [0, 0.7, 1.4] }""", ("ENERGYBENCH__Generation__Temperature", "0.2"));

        config.Options.Sweep.Temperature.Should().BeEmpty();
        SweepPlan.Of(config.Options).Should().ContainSingle().Which.Temperature.Should().Be(0.2);
    }

    [Fact]
    public void Load_NamedPoints_ReplaceTheGridAndInheritUnsetValues()
    {
        var config = Load(""", "Generation": { "MaxTokens": 100 }, "Sweep": { "Points": [ { "Name": "study", "Temperature": 0.7 }, { "Name": "paper batch 4", "Concurrency": 4, "Temperature": 0 } ] }""");

        SweepPlan.Of(config.Options).Should().Equal(
            new SweepPoint("study", 0.7, 100, 1, 1, 0),
            new SweepPoint("paper batch 4", 0, 100, 4, 1, 0));
    }

    [Fact]
    public void Load_BatchSizeWithAServer_IsRefusedSayingToSweepConcurrency()
    {
        var act = () => Load(""", "Embedded": { "BatchSize": [1, 4] }""");

        act.Should().Throw<ConfigurationException>().WithMessage("*Embedded:BatchSize = 4*sweep Load:Concurrency*");
    }

    [Fact]
    public void Load_RepeatedOrOutOfRangeAxisValues_AreRefusedByKey()
    {
        var act = () => Load(""", "Generation": { "Temperature": [0.7, 0.7, 2.5] }""");

        act.Should().Throw<ConfigurationException>()
            .WithMessage("*Generation:Temperature:2 = 2.5*0 to 2*").And.Message.Should().Contain("each value once");
    }
}
