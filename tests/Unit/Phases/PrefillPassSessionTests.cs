using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Phases;

/// <summary>
/// <c>Protocol:PrefillPass</c> through a whole session: the real fake GPT4All server (which does not stream) and the scripted
/// constant 12 W meter of <see cref="FakeSessions"/>, so every window's energy is 12 W x its length.
/// </summary>
public sealed class PrefillPassSessionTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("prefill-pass-test-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task RunCase_PrefillPassOn_MeasuresThePassAfterTheRequestAndNoSplitWithoutStream()
    {
        // Arrange: prefill at 100 tokens/s makes the pass last well over two 0.05 s meter intervals.
        var ct = TestContext.Current.CancellationToken;
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Protocol__PrefillPass", "true"), ("ENERGYBENCH__Fake__PrefillTokensPerSecond", "100"));
        await using var session = await FakeSessions.OpenAsync(config, ct);

        // Act
        var record = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);

        // Assert
        record.Outcome.Should().Be("passed", string.Join("; ", record.Problems));
        var phases = record.Phases!;
        phases.Split.Should().BeNull();
        phases.SplitMissing.Should().Contain("does not stream");
        var pass = phases.Pass.Should().NotBeNull(phases.PassMissing).And.Subject.As<PhaseSplit>();
        var full = record.Completion!;
        pass.Prefill.StartS.Should().BeGreaterThanOrEqualTo(full.EndS, "the pass runs after the case's own request");
        pass.Prefill.Problem.Should().BeNull();
        pass.Prefill.Joules![Domains.Total].Should().BeApproximately(12 * pass.Prefill.DurationS, 1e-9);
        pass.Prefill.Tokens.Should().Be(full.PromptTokens);
        pass.Decode.DurationS.Should().BeApproximately(full.WallSeconds - pass.Prefill.DurationS, 1e-9);
        pass.Decode.Joules![Domains.Total].Should().BeApproximately(12 * (full.WallSeconds - pass.Prefill.DurationS), 1e-9);
        pass.Decode.Tokens.Should().Be(full.CompletionTokens - 1);
    }

    [Fact]
    public async Task RunCase_PrefillPassOff_RecordsNoPass()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var session = await FakeSessions.OpenAsync(FakeProfileConfig.Load(_results), ct);

        // Act
        var record = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, ct);

        // Assert
        record.Phases!.Pass.Should().BeNull();
        record.Phases.PassMissing.Should().BeNull("the option is off: nothing was attempted");
    }
}
