using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Unit.Suite;

public sealed class CaseValidatorTests
{
    private static readonly MeterOptions Meter = new() { MinCoverage = 0.98, MaxPlausiblePowerW = 1500 };

    [Fact]
    public void Check_GoodMeasurement_HasNoProblems()
    {
        CaseValidator.Check(Completion(), Window(totalJ: 30, seconds: 2), Meter).Should().BeEmpty();
    }

    [Fact]
    public void Check_OtherServedModel_NamesBoth()
    {
        var problems = CaseValidator.Check(Completion() with { ServedModel = "Llama 3 8B Instruct" }, Window(30, 2), Meter);

        problems.Should().ContainSingle().Which.Should().Be("served model 'Llama 3 8B Instruct' is not the requested 'Llama 3.2 1B Instruct' " +
            "(names are compared exactly, letter case included, as GPT4All matches them)");
    }

    [Fact]
    public void Check_ServedModelInOtherLetterCase_IsAnotherModel()
    {
        var problems = CaseValidator.Check(Completion() with { ServedModel = "llama 3.2 1b instruct" }, Window(30, 2), Meter);

        problems.Should().ContainSingle().Which.Should().StartWith("served model 'llama 3.2 1b instruct' is not the requested 'Llama 3.2 1B Instruct'");
    }

    [Fact]
    public void Check_ModelByFileNameServedAsItsDisplayName_HasNoProblems()
    {
        var byFile = Completion() with { RequestedModel = "Llama-3.2-1B-Instruct-Q4_0.gguf", ExpectedServedModel = "Llama 3.2 1B Instruct" };

        CaseValidator.Check(byFile, Window(30, 2), Meter).Should().BeEmpty();
    }

    [Fact]
    public void Check_ModelByFileNameServedAsAnother_NamesTheExpectedDisplayName()
    {
        var byFile = Completion() with
        {
            RequestedModel = "Meta-Llama-3-8B-Instruct.Q4_0.gguf",
            ExpectedServedModel = "Llama 3 8B Instruct",
            ServedModel = "Llama 3.2 1B Instruct",
        };

        var problems = CaseValidator.Check(byFile, Window(30, 2), Meter);

        problems.Should().ContainSingle().Which.Should().StartWith(
            "served model 'Llama 3.2 1B Instruct' is not the requested 'Meta-Llama-3-8B-Instruct.Q4_0.gguf', which the backend answers as 'Llama 3 8B Instruct'");
    }

    [Theory]
    [InlineData(0.004, false)]
    [InlineData(0.05, false)]
    [InlineData(0.051, true)]
    [InlineData(2.3, true)]
    public void Check_ServerLoadedTheModelDuringTheRequest_IsInvalidAboveFiftyMilliseconds(double loadS, bool invalid)
    {
        var problems = CaseValidator.Check(Completion() with { ServerLoadS = loadS }, Window(30, 2), Meter);

        if (invalid)
            problems.Should().ContainSingle().Which.Should().StartWith($"the server loaded the model during this measured request ({loadS.ToString(System.Globalization.CultureInfo.InvariantCulture)} s of load");
        else
            problems.Should().BeEmpty();
    }

    [Fact]
    public void Check_NoTokens_IsInvalid()
    {
        var problems = CaseValidator.Check(Completion() with { CompletionTokens = 0 }, Window(30, 2), Meter);

        problems.Should().ContainSingle().Which.Should().StartWith("completion tokens = 0 (ServerUsage)");
    }

    [Fact]
    public void Check_WindowPartlyUncovered_IsInvalid()
    {
        var problems = CaseValidator.Check(Completion(), Window(30, 2, coverage: 0.9), Meter);

        problems.Should().ContainSingle().Which.Should().Be("samples cover 90.0% of the window, below Meter:MinCoverage 98.0%");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4000)]
    public void Check_ImplausiblePower_IsInvalid(double totalJoulesOverTwoSeconds)
    {
        var problems = CaseValidator.Check(Completion(), Window(totalJoulesOverTwoSeconds, 2), Meter);

        problems.Should().ContainSingle().Which.Should().StartWith("average power ").And.Contain("is not plausible");
    }

    /// <summary>A completion whose counts are its text's: "Hello there." is 2 words and 12 characters.</summary>
    internal static CompletionResult Completion() => new()
    {
        RequestedModel = "Llama 3.2 1B Instruct",
        ServedModel = "Llama 3.2 1B Instruct",
        Text = "Hello there.",
        StartS = 10,
        EndS = 12,
        PromptTokens = 8,
        CompletionTokens = 4,
        PromptTokensSource = TokenCountSource.ServerUsage,
        CompletionTokensSource = TokenCountSource.ServerUsage,
        WordCount = 2,
        CharacterCount = 12,
        FinishReason = "stop",
    };

    private static WindowEnergy Window(double totalJ, double seconds, double coverage = 1) => new(10, 10 + seconds,
        new Dictionary<string, DomainEnergy>
        {
            [Domains.Cpu] = new(totalJ / 10, totalJ / 10 / seconds, totalJ / 10 / seconds),
            [Domains.Total] = new(totalJ, totalJ / seconds, totalJ / seconds),
        }, 20, coverage);
}
