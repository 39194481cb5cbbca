using SlmEnergyBench.Harness.Synthetic;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>The smallest ladder model is written, loaded by llama.cpp through LLamaSharp, and generates real tokens.</summary>
public sealed class SyntheticModelGenerationTests
{
    [Fact]
    public async Task SmallestLadderModel_LoadedWithLLamaSharp_MatchesItsSpecAndGeneratesText()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var cache = new TempDirectory();
        var spec = SyntheticModels.OneBScaled;
        var file = await SyntheticModelCache.EnsureAsync(spec, cache.Path, ct);

        // Act
        using var weights = SyntheticGeneration.Load(file.Path);
        var run = await SyntheticGeneration.GenerateAsync(weights, "Explain why water is wet.", 16, seed: 7, ct);

        // Assert
        weights.Vocab.Count.Should().Be(spec.VocabularySize);
        weights.EmbeddingSize.Should().Be(spec.EmbeddingLength);
        weights.ParameterCount.Should().Be((ulong)spec.Shape.ParameterCount);
        weights.Metadata.Should().Contain("general.name", spec.Name);
        run.PromptTokens.Should().BeInRange(6, 12, "the prompt's words are in the vocabulary (BOS plus about one token per word)");
        run.Tokens.Should().HaveCount(16).And.OnlyContain(t => t > 2 && t < spec.VocabularySize);
        run.Text.Trim().Should().NotBeEmpty();
        TestContext.Current.TestOutputHelper?.WriteLine($"{run.Tokens.Count} tokens at {run.TokensPerSecond:F0} tokens/s: {run.Text}");
    }
}
