using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Unit.Configuration;

public sealed class ConfigLoaderTests
{
    private static Dictionary<string, string?> Env(params (string Key, string Value)[] vars) =>
        vars.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Load_ProfileGpt4All_IsTheStudySetUp()
    {
        using var repo = TempRepository.WithRealConfig();

        var config = ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "gpt4all")), new ScriptedProbe());

        var o = config.Options;
        o.Profile.Should().Be("gpt4all");
        config.ProfileChosenBy.Should().Be("ENERGYBENCH_PROFILE=gpt4all");
        o.Backend.BaseUrl.Should().Be("http://127.0.0.1:4891/v1");
        o.Backend.Endpoint.Should().Be("completions");
        o.Backend.TimeoutSeconds.Should().BeGreaterThanOrEqualTo(120, "generation on a laptop can take minutes");
        o.Models.Should().Equal("Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Llama 3 8B Instruct");
        o.Prompts.Source.Should().EndWith("gururise/AlpacaDataCleaned/main/alpaca_data.json");
        (o.Prompts.Pool, o.Prompts.Count, o.Prompts.Selection).Should().Be((4096, 256, "first"));
        o.Prompts.IncludeInput.Should().BeFalse();
        (o.Generation.Temperature, o.Generation.MaxTokens).Should().Be((0.7, 1024));
        o.Protocol.WarmupRequests.Should().Be(1);
        (o.Meter.Kind, o.Meter.IntervalMs).Should().Be(("powermetrics", 100));
        o.Results.Directory.Should().Be("results");
    }

    [Fact]
    public void Load_ProfileVariableFake_ChoosesFakeBackendAndFakeMeter()
    {
        using var repo = TempRepository.WithRealConfig();

        var config = ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake")));

        config.Options.Profile.Should().Be("fake");
        config.ProfileChosenBy.Should().Be("ENERGYBENCH_PROFILE=fake");
        config.Options.Backend.Kind.Should().Be(BackendKinds.FakeGpt4All);
        config.Options.Meter.Command.Should().Be("fixtures/fake-powermetrics/powermetrics");
        config.Options.Meter.SudoPrefix.Should().BeEmpty();
        config.Options.Fake.Models.Select(m => m.Name).Should().Equal(config.Options.Models);
    }

    [Fact]
    public void Load_UnknownProfile_NamesTheVariableTheValueAndTheProfiles()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "ollama")));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "ENERGYBENCH_PROFILE = 'ollama' is not a profile of energybench.json: allowed auto, embedded, fake, fake-ollama, gpt4all, synthetic.");
    }

    [Fact]
    public void Load_EnvironmentOverride_ReplacesTheKeyAndIsRecorded()
    {
        using var repo = TempRepository.WithRealConfig();

        var config = ConfigLoader.Load(repo.Root, Env(
            ("ENERGYBENCH_PROFILE", "gpt4all"),
            ("ENERGYBENCH__Generation__Temperature", "0.2"),
            ("ENERGYBENCH__Backend__BaseUrl", "http://127.0.0.1:9999/v1"),
            ("ENERGYBENCH__Models__0", "Phi-3 Mini Instruct")));

        config.Options.Generation.Temperature.Should().Be(0.2);
        config.Options.Backend.BaseUrl.Should().Be("http://127.0.0.1:9999/v1");
        config.Options.Models[0].Should().Be("Phi-3 Mini Instruct");
        config.Overrides.Should().Contain("ENERGYBENCH__Generation__Temperature=0.2");
    }

    [Fact]
    public void Load_OutOfRangeOverride_NamesKeyValueVariableAndRange()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "gpt4all"), ("ENERGYBENCH__Generation__Temperature", "3.5")));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "Generation:Temperature = 3.5 (set by ENERGYBENCH__Generation__Temperature): allowed 0 to 2.");
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEachOnce()
    {
        using var repo = new TempRepository("""
            { "DefaultProfile": "p", "Profiles": { "p": {
                "Backend": { "BaseUrl": "127.0.0.1:4891" },
                "Models": [],
                "Prompts": { "Pool": 10, "Count": 20, "Selection": "random" },
                "Generation": { "MaxTokens": 0 },
                "Meter": { "MinCoverage": 1.5 } } } }
            """);

        var act = () => ConfigLoader.Load(repo.Root, Env());

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "Backend:BaseUrl = '127.0.0.1:4891' (profile 'p'): allowed an absolute http:// or https:// URL such as http://127.0.0.1:4891/v1.",
            "Models = '[]' (profile 'p'): allowed at least one model name.",
            "Prompts:Count = 20 (profile 'p'): allowed 1 to Prompts:Pool (10).",
            "Prompts:Selection = 'random' (profile 'p'): allowed one of first, sample.",
            "Generation:MaxTokens = 0 (profile 'p'): allowed 1 to 1000000.",
            "Meter:MinCoverage = 1.5 (profile 'p'): allowed greater than 0 and at most 1.");
    }

    [Fact]
    public void Load_UnknownKey_NamesIt()
    {
        using var repo = new TempRepository("""
            { "DefaultProfile": "p", "Profiles": { "p": { "Models": ["m"], "Generation": { "Temprature": 0.5 } } } }
            """);

        var act = () => ConfigLoader.Load(repo.Root, Env());

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "Generation:Temprature is not a known key: allowed keys under Generation MaxTokens, Seed, Temperature, TopP. (profile 'p')");
    }

    [Fact]
    public void Load_NotANumber_NamesKeyAndValue()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "gpt4all"), ("ENERGYBENCH__Generation__MaxTokens", "lots")));

        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("lots").And.Contain("Generation:MaxTokens");
    }

    [Fact]
    public void Load_FakeModelsMissingDefault_IsRejected()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake"), ("ENERGYBENCH__Fake__DefaultModel", "Nope")));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith("Fake:DefaultModel = 'Nope' (set by ENERGYBENCH__Fake__DefaultModel): allowed exactly the name of one of Fake:Models");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void Load_BlankWarmupPrompt_IsRejectedNamingTheDefault(string prompt)
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake"), ("ENERGYBENCH__Protocol__WarmupPrompt", prompt)));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().Be(
            $"Protocol:WarmupPrompt = '{prompt}' (set by ENERGYBENCH__Protocol__WarmupPrompt): allowed a non-empty prompt of at most 2000 characters " +
            "(default \"Say hello in one short sentence.\").");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("4000")]
    public void Load_MeterOverheadSecondsOutOfRange_IsRejectedWithWhatIsAllowed(string seconds)
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "fake"), ("ENERGYBENCH__Protocol__MeterOverheadSeconds", seconds)));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().Be(
            $"Protocol:MeterOverheadSeconds = {seconds} (set by ENERGYBENCH__Protocol__MeterOverheadSeconds): allowed 0 (off) or 5 to 3600 seconds per phase.");
    }

    [Fact]
    public void Load_MeterOverheadSecondsNotSet_IsOffInEveryProfile()
    {
        using var repo = TempRepository.WithRealConfig();

        foreach (var profile in new[] { "gpt4all", "embedded", "synthetic", "fake" })
            ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", profile))).Options.Protocol.MeterOverheadSeconds.Should().Be(0, profile);
    }

    [Fact]
    public void Load_NoWarmupPromptConfigured_UsesTheDefaultShortPrompt()
    {
        using var repo = TempRepository.WithRealConfig();

        var config = ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "gpt4all")));

        config.Options.Protocol.WarmupPrompt.Should().Be("Say hello in one short sentence.");
    }

    [Fact]
    public void Load_InvalidJson_SaysWhichFile()
    {
        using var repo = new TempRepository("{ \"DefaultProfile\": ");

        var act = () => ConfigLoader.Load(repo.Root, Env());

        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("energybench.json").And.Contain("JSON");
    }

    [Fact]
    public void Load_ModelsAsCommaList_ReplacesTheWholeList()
    {
        using var repo = TempRepository.WithRealConfig();

        var config = ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "gpt4all"), ("ENERGYBENCH__Models", "Llama 3 8B Instruct, Llama 3.2 1B Instruct")));

        config.Options.Models.Should().Equal("Llama 3 8B Instruct", "Llama 3.2 1B Instruct");
    }

    [Fact]
    public void Load_ModelsAsEmptyList_IsRejectedNamingTheVariable()
    {
        using var repo = TempRepository.WithRealConfig();

        var act = () => ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH_PROFILE", "gpt4all"), ("ENERGYBENCH__Models", " , ")));

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "Models = '[]' (set by ENERGYBENCH__Models): allowed at least one model name.");
    }

    [Fact]
    public void Load_AutoWithGpt4AllAnswering_ChoosesGpt4AllWithTheAutoMeter()
    {
        using var repo = TempRepository.WithRealConfig();
        var probe = new ScriptedProbe { [BackendKindsFor.Gpt4All] = Harness.Availability.Yes("GPT4All's API answered") };

        var config = ConfigLoader.Load(repo.Root, Env(), probe);

        config.Options.Profile.Should().Be("gpt4all");
        config.Options.Meter.Kind.Should().Be("auto", "profile auto layers its own Meter:Kind over the candidate");
        config.Options.Models.Should().HaveCount(3);
        config.ProfileChosenBy.Should().Be("DefaultProfile of energybench.json (ENERGYBENCH_PROFILE not set): profile 'auto' chose 'gpt4all' because GPT4All's API answered");
    }

    [Fact]
    public void Load_AutoWithNothingAround_ChoosesTheSyntheticLadderAndSaysWhy()
    {
        using var repo = TempRepository.WithRealConfig();
        var probe = new ScriptedProbe
        {
            [BackendKindsFor.Gpt4All] = Harness.Availability.No("no answer at http://127.0.0.1:4891/v1/models"),
            ["embedded"] = Harness.Availability.No("no GPT4All model files"),
        };

        var config = ConfigLoader.Load(repo.Root, Env(), probe);

        config.Options.Profile.Should().Be("synthetic");
        config.Options.Models.Should().OnlyContain(m => m.StartsWith("synthetic-", StringComparison.Ordinal));
        config.Options.Prompts.Count.Should().BeLessThan(16, "the synthetic ladder keeps a fresh machine's dotnet test fast");
        config.Options.Generation.MaxTokens.Should().BeLessThan(128);
        config.Options.Embedded.Threads.Should().Be(1, "one thread keeps the ladder's decode rates in the ratio of its arithmetic (README)");
        config.ProfileChosenBy.Should().Contain("chose 'synthetic'")
            .And.Contain("not 'gpt4all' because no answer at http://127.0.0.1:4891/v1/models")
            .And.Contain("not 'embedded' because no GPT4All model files");
    }

    [Fact]
    public void Load_AutoWithAnEnvironmentOverride_AppliesItToTheChosenProfile()
    {
        using var repo = TempRepository.WithRealConfig();
        var probe = new ScriptedProbe { [BackendKindsFor.Gpt4All] = Harness.Availability.No("down"), ["embedded"] = Harness.Availability.No("none") };

        var config = ConfigLoader.Load(repo.Root, Env(("ENERGYBENCH__Prompts__Count", "2")), probe);

        config.Options.Profile.Should().Be("synthetic");
        config.Options.Prompts.Count.Should().Be(2);
    }

    /// <summary>Answers per candidate profile (by name, or "gpt4all" for the GPT4All backend); Yes for anything unscripted.</summary>
    private sealed class ScriptedProbe : Dictionary<string, Harness.Availability>, IAutoProbe
    {
        public Harness.Availability Probe(BenchOptions options, string repositoryRoot) =>
            TryGetValue(options.Profile, out var verdict) ? verdict : Harness.Availability.Yes("scripted");
    }

    private static class BackendKindsFor
    {
        public const string Gpt4All = "gpt4all";
    }
}
