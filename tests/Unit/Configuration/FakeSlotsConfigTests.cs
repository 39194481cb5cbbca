using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Unit.Configuration;

/// <summary>Fake:Slots and Fake:SlotCurve read from the configuration, and refused with what is allowed when wrong.</summary>
public sealed class FakeSlotsConfigTests
{
    private static Dictionary<string, string?> Env(params (string Key, string Value)[] vars) =>
        vars.ToDictionary(v => v.Key, v => (string?)v.Value);

    [Fact]
    public void Load_SlotsAndCurveFromTheEnvironment_AreBound()
    {
        using var repo = TempRepository.WithRealConfig();

        var config = ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake-ollama"), ("ENERGYBENCH__Fake__Slots", "8"),
            ("ENERGYBENCH__Fake__SlotCurve__0__Active", "1"), ("ENERGYBENCH__Fake__SlotCurve__1__Active", "8"),
            ("ENERGYBENCH__Fake__SlotCurve__1__SpeedFactor", "0.55"), ("ENERGYBENCH__Fake__SlotCurve__1__PowerFactor", "2.6")));

        config.Options.Fake.Slots.Should().Be(8);
        config.Options.Fake.SlotCurve.Should().BeEquivalentTo([new { Active = 1, SpeedFactor = 1.0, PowerFactor = 1.0 }, new { Active = 8, SpeedFactor = 0.55, PowerFactor = 2.6 }]);
    }

    [Fact]
    public void Load_CurveOutOfOrderAndZeroSlots_IsRejectedWithWhatIsAllowed()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake-ollama"), ("ENERGYBENCH__Fake__Slots", "0"),
            ("ENERGYBENCH__Fake__SlotCurve__0__Active", "4"), ("ENERGYBENCH__Fake__SlotCurve__1__Active", "2")));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "Fake:Slots = 0 (set by ENERGYBENCH__Fake__Slots): allowed 1 to 1024 requests generated at once (like llama-server --parallel N).",
            "Fake:SlotCurve:1:Active = 2 (set by ENERGYBENCH__Fake__SlotCurve__1__Active): allowed 1 or more, and strictly more than the point before (the curve's points in increasing Active).");
    }

    [Fact]
    public void Load_SlotsOnTheFakeGpt4All_IsRejected()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake"), ("ENERGYBENCH__Fake__Slots", "4")));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().StartWith(
            "Fake:Slots = 4 (set by ENERGYBENCH__Fake__Slots): allowed 1 for the fake GPT4All: GPT4All's server answers one request at a time");
    }
}
