using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// One case per model x prompt: a real request timed by the harness, its window's energy from the shared
/// meter session, one line of output, one record in <c>cases.jsonl</c>, and the checks a valid
/// measurement needs.
/// </summary>
[Trait("Category", "Energy")]
[Collection(nameof(EnergyCollection))]
[TestCaseOrderer(typeof(ConfiguredOrderOrderer))]
public sealed class EnergyCases(EnergySession fixture)
{
    public static IEnumerable<TheoryDataRow<string, int, int>> Cases => EnergyCaseSource.Rows();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generate(string model, int prompt, int run)
    {
        var output = TestContext.Current.TestOutputHelper!;
        if (fixture.Failure is not null)
            Assert.Fail(fixture.Failure);
        var session = fixture.Session!;
        Assert.SkipWhen(session.SkipReason is not null, session.SkipReason ?? "");
        if (fixture.TakeHeader() is { } header)
            output.WriteLine(header);

        var record = await session.RunCaseAsync(model, prompt - 1, run, TestContext.Current.CancellationToken);

        output.WriteLine(CaseLine.Format(record));
        Assert.True(record.Problems.Count == 0,
            $"Invalid measurement of {model}, prompt {prompt}: " + string.Join(" | ", record.Problems));
        record.Completion!.CompletionTokens.Should().BePositive();
        record.Energy!.Window.Coverage.Should().BeGreaterThanOrEqualTo(session.Config.Options.Meter.MinCoverage);
    }
}

/// <summary>Energy cases never run in parallel with anything: they share one meter and one machine.</summary>
[CollectionDefinition(nameof(EnergyCollection), DisableParallelization = true)]
public sealed class EnergyCollection;
