using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Prompts;

public sealed class AlpacaLoaderSelectionTests
{
    [Fact]
    public async Task LoadAsync_LocalPathAndFirst_TakesTheFirstCountInOrder()
    {
        // Arrange
        var loader = new AlpacaLoader(Options(count: 3), Fixtures.Root);

        // Act
        var set = await loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.Source.Should().Be(Fixtures.AlpacaSampleRelative);
        set.DatasetItems.Should().Be(12);
        set.Prompts.Should().Equal(
            new Prompt(0, 0, "Name three common units used to measure energy."),
            new Prompt(1, 1, "Rewrite the sentence in the passive voice."),
            new Prompt(2, 2, "Explain in two sentences why a phone gets warm while it charges."));
    }

    [Fact]
    public async Task LoadAsync_IncludeInput_AppendsNonEmptyInputAfterABlankLine()
    {
        // Arrange
        var options = Options(count: 3);
        options.IncludeInput = true;
        var loader = new AlpacaLoader(options, Fixtures.Root);

        // Act
        var set = await loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.Prompts[0].Text.Should().Be("Name three common units used to measure energy.", "its input is empty");
        set.Prompts[1].Text.Should().Be("Rewrite the sentence in the passive voice.\n\nThe technician replaced the laptop battery on Tuesday.");
    }

    [Fact]
    public async Task LoadAsync_Sample_IsDeterministicPerSeedInDatasetOrder()
    {
        // Arrange
        var seed42 = Options(count: 5, selection: PromptSelections.Sample, seed: 42);
        var seed7 = Options(count: 5, selection: PromptSelections.Sample, seed: 7);

        // Act
        var first = await new AlpacaLoader(seed42, Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);
        var again = await new AlpacaLoader(seed42, Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);
        var other = await new AlpacaLoader(seed7, Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        var indices = first.Prompts.Select(p => p.DatasetIndex).ToList();
        indices.Should().HaveCount(5).And.OnlyHaveUniqueItems().And.BeInAscendingOrder().And.OnlyContain(i => i < 12);
        indices.Should().NotEqual([0, 1, 2, 3, 4]);
        again.Prompts.Should().Equal(first.Prompts);
        other.Prompts.Select(p => p.DatasetIndex).Should().NotEqual(indices);
        first.Prompts.Select(p => p.Ordinal).Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public async Task LoadAsync_Sample_DrawsOnlyFromThePool()
    {
        // Arrange
        var options = Options(count: 4, selection: PromptSelections.Sample);
        options.Pool = 6;

        // Act
        var set = await new AlpacaLoader(options, Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.Prompts.Should().OnlyContain(p => p.DatasetIndex < 6);
    }

    [Theory]
    [InlineData(20, 4, "12 items, fewer than Prompts:Pool = 20")]
    [InlineData(12, 13, "Prompts:Count = 13 is more than Prompts:Pool = 12")]
    public async Task LoadAsync_TooFewItems_FailsNamingCountsAndKeys(int pool, int count, string expected)
    {
        // Arrange
        var options = Options(count: count);
        options.Pool = pool;

        // Act
        var act = () => new AlpacaLoader(options, Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task LoadAsync_UnknownSelection_FailsNamingKey()
    {
        // Act
        var act = () => new AlpacaLoader(Options(selection: "random"), Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<ConfigurationException>()).Which.Message.Should().Contain("Prompts:Selection = 'random'");
    }

    [Fact]
    public async Task LoadAsync_LocalFileDiffersFromPin_FailsNamingBothHashes()
    {
        // Arrange
        var options = Options();
        options.Sha256 = new string('0', 64);

        // Act
        var act = () => new AlpacaLoader(options, Fixtures.Root).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should()
            .Contain(options.Sha256).And.Contain(StandardSha256.Of(Fixtures.AlpacaSampleBytes));
    }

    private static PromptOptions Options(int count = 12, string selection = PromptSelections.First, int seed = 42) => new()
    {
        Source = Fixtures.AlpacaSampleRelative,
        Pool = 12,
        Count = count,
        Selection = selection,
        Seed = seed,
    };
}
