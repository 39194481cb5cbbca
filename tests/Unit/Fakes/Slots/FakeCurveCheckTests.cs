using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Unit.Fakes.Slots;

public sealed class FakeCurveCheckTests
{
    // A fake at 50 tok/s drawing 1.5 + 15 W, 4 slots; at 4 active: speed x0.75, power x1.8.
    // Truth by hand: 16.5 W x 1.8 = 29.7 W over 4 x 50 x 0.75 = 150 tok/s -> 0.198 J/token.
    private static BenchOptions Options() => new()
    {
        Backend = new BackendOptions { Kind = BackendKinds.FakeOpenAi },
        Fake = new FakeOptions
        {
            Slots = 4,
            Models = [new FakeModelOptions { Name = "m", TokensPerSecond = 50, ActiveCpuPowerW = 1.5, ActiveGpuPowerW = 15 }],
            SlotCurve = [new FakeSlotPoint { Active = 1, SpeedFactor = 1, PowerFactor = 1 }, new FakeSlotPoint { Active = 4, SpeedFactor = 0.75, PowerFactor = 1.8 }],
        },
    };

    private static PointRecord Point(double steadyJoules, double tokens, double windowJ, double attributedJ) => new()
    {
        RunId = "r",
        Unit = "m / concurrency 4",
        Model = "m",
        Point = new SweepPoint("concurrency 4", 0.7, 100, 4, 1, 0),
        Outcome = "passed",
        Window = new WindowEnergy(0, 10, new Dictionary<string, DomainEnergy> { [Domains.Total] = new(windowJ, windowJ / 10, 30) }, 100, 1),
        AttributedJoules = attributedJ,
        SteadyState = new SteadyState(true, null, 1, 9, new Dictionary<string, double> { [Domains.Total] = steadyJoules }, null, tokens, SteadyState.StreamedTokens),
    };

    [Fact]
    public void Of_SteadyStateOnTheCurve_IsWithin()
    {
        // 8 s at 29.7 W = 237.6 J over 8 s x 150 tok/s = 1200 tokens: exactly the curve.
        var check = FakeCurveCheck.Of([Point(237.6, 1200, 250, 250)], Options()).Single();

        check.ExpectedJoulesPerToken.Should().BeApproximately(0.198, 1e-12);
        check.CurveError.Should().BeApproximately(0, 1e-12);
        check.Within.Should().BeTrue(check.ToString());
    }

    [Fact]
    public void Of_SteadyStateThreePercentOff_IsOutside()
    {
        var check = FakeCurveCheck.Of([Point(237.6 * 1.03, 1200, 250, 250)], Options()).Single();

        check.CurveError.Should().BeApproximately(0.03, 1e-9);
        check.Within.Should().BeFalse();
        check.ToString().Should().Contain("(+3.00%)").And.EndWith("OUTSIDE the bounds");
    }

    [Fact]
    public void Of_AttributionOffByTwoTenthsOfAPercent_IsOutside()
    {
        var check = FakeCurveCheck.Of([Point(237.6, 1200, 250, 250.5)], Options()).Single();

        check.AttributionError.Should().BeApproximately(0.002, 1e-12);
        check.Within.Should().BeFalse();
    }

    [Fact]
    public void Of_ARealServer_ChecksOnlyTheAttribution()
    {
        var options = Options();
        options.Backend.Kind = BackendKinds.OpenAi;

        var check = FakeCurveCheck.Of([Point(999, 1200, 250, 250)], options).Single();

        check.ExpectedJoulesPerToken.Should().BeNull();
        check.Within.Should().BeTrue();
    }
}
