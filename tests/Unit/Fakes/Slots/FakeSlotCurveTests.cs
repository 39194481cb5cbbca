using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Slots;

namespace SlmEnergyBench.Unit.Fakes.Slots;

/// <summary>The slot curve's factors and the steady-state truth, against values worked out by hand from the curve.</summary>
public sealed class FakeSlotCurveTests
{
    private static FakeOptions Fake() => new()
    {
        IdleCpuPowerW = 0.6,
        IdleGpuPowerW = 0.05,
        Models = [new FakeModelOptions { Name = "m", TokensPerSecond = 50, ActiveCpuPowerW = 1.5, ActiveGpuPowerW = 15 }],
        SlotCurve = SlotCurveSetup.Curve(),
    };

    [Theory]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(2, 0.9, 1.3)]
    [InlineData(3, 0.825, 1.55)] // halfway between 2 (0.9, 1.3) and 4 (0.75, 1.8)
    [InlineData(5, 0.7, 2.0)] // a quarter of the way from 4 (0.75, 1.8) to 8 (0.55, 2.6): 0.75 - 0.05, 1.8 + 0.2
    [InlineData(8, 0.55, 2.6)]
    [InlineData(64, 0.55, 2.6)] // beyond the last point: its values
    public void Factors_OnTheCurve_AreInterpolatedLinearly(int active, double speed, double power)
    {
        var curve = SlotCurveSetup.Curve();

        FakeSlotCurve.SpeedFactor(curve, active).Should().BeApproximately(speed, 1e-12);
        FakeSlotCurve.PowerFactor(curve, active).Should().BeApproximately(power, 1e-12);
    }

    [Fact]
    public void Factors_BelowTheFirstPointOrOnAnEmptyCurve_AreTheFirstPointsOrOne()
    {
        List<FakeSlotPoint> fromTwo = [new FakeSlotPoint { Active = 2, SpeedFactor = 0.9, PowerFactor = 1.3 }];

        FakeSlotCurve.SpeedFactor(fromTwo, 1).Should().Be(0.9);
        FakeSlotCurve.PowerFactor(fromTwo, 1).Should().Be(1.3);
        FakeSlotCurve.SpeedFactor([], 7).Should().Be(1);
        FakeSlotCurve.PowerFactor([], 7).Should().Be(1);
    }

    [Theory]
    // n, tokens/s of all streams, server power W: 50 tok/s alone, 16.5 W (1.5 + 15) at one stream.
    [InlineData(1, 50.0, 16.5)]
    [InlineData(2, 90.0, 21.45)] // 2 x 50 x 0.9; 16.5 x 1.3
    [InlineData(4, 150.0, 29.7)] // 4 x 50 x 0.75; 16.5 x 1.8
    [InlineData(8, 220.0, 42.9)] // 8 x 50 x 0.55; 16.5 x 2.6
    public void SteadyState_OnTheCurve_IsPowerOverThroughput(int active, double tokensPerSecond, double powerW)
    {
        var fake = Fake();

        FakeSlotCurve.TokensPerSecond(fake, "m", active).Should().BeApproximately(tokensPerSecond, 1e-9);
        FakeSlotCurve.PowerW(fake, "m", active).Should().BeApproximately(powerW, 1e-9);
        FakeSlotCurve.SteadyStateJoulesPerToken(fake, "m", active).Should().BeApproximately(powerW / tokensPerSecond, 1e-12);
        FakeSlotCurve.SteadyStateNetJoulesPerToken(fake, "m", active).Should().BeApproximately((powerW - 0.65) / tokensPerSecond, 1e-12);
    }

    [Fact]
    public void SteadyState_SpeedAndPowerFactors_MultiplyIn()
    {
        // Arrange: 4 streams at SpeedFactor 0.5 and PowerFactor 2: 4 x 50 x 0.5 x 0.75 = 75 tok/s at 16.5 x 2 x 1.8 = 59.4 W.
        var fake = Fake();
        fake.SpeedFactor = 0.5;
        fake.PowerFactor = 2;

        // Act, Assert: 59.4 / 75 = 0.792 J/token.
        FakeSlotCurve.SteadyStateJoulesPerToken(fake, "m", 4).Should().BeApproximately(0.792, 1e-12);
    }

    [Fact]
    public void SteadyState_UnknownModel_SaysWhichModelsThereAre()
    {
        var act = () => FakeSlotCurve.SteadyStateJoulesPerToken(Fake(), "other", 2);

        act.Should().Throw<ArgumentException>().WithMessage("The fake has no model 'other' (its models: m).*");
    }

    [Fact]
    public void Problems_BadSlotsAndCurve_NameEachKeyAndWhatIsAllowed()
    {
        // Arrange: 0 slots, points not in increasing Active, a zero speed factor and a negative power factor.
        var fake = Fake();
        fake.Slots = 0;
        fake.SlotCurve =
        [
            new FakeSlotPoint { Active = 2, SpeedFactor = 0.9, PowerFactor = 1.3 },
            new FakeSlotPoint { Active = 2, SpeedFactor = 0, PowerFactor = -1 },
        ];

        // Act
        var problems = FakeSlotCurve.Problems(fake).Select(p => p.Key).ToList();

        // Assert
        problems.Should().Equal("Fake:Slots", "Fake:SlotCurve:1:Active", "Fake:SlotCurve:1:SpeedFactor", "Fake:SlotCurve:1:PowerFactor");
        FakeSlotCurve.Problems(Fake()).Should().BeEmpty();
    }

    [Fact]
    public void Problems_SlotsOnTheOneAtATimeGpt4All_AreRefused()
    {
        var fake = Fake();
        fake.Slots = 4;

        var problem = FakeSlotCurve.Problems(fake, oneAtATime: true).Should().ContainSingle().Subject;

        problem.Key.Should().Be("Fake:Slots");
        problem.Allowed.Should().Contain("GPT4All's server answers one request at a time");
    }
}
