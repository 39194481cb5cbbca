using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends;

public sealed class Gpt4AllModelCatalogTests
{
    // The three models of the study, as GPT4All's models3.json (nomic-ai/gpt4all, gpt4all-chat/metadata) pairs them.
    [Theory]
    [InlineData("Llama-3.2-1B-Instruct-Q4_0.gguf", "Llama 3.2 1B Instruct")]
    [InlineData("Llama-3.2-3B-Instruct-Q4_0.gguf", "Llama 3.2 3B Instruct")]
    [InlineData("Meta-Llama-3-8B-Instruct.Q4_0.gguf", "Llama 3 8B Instruct")]
    public void DisplayNameOf_StudyModelFile_IsItsGpt4AllDisplayName(string file, string display)
    {
        // Act
        var name = Gpt4AllModelCatalog.BuiltIn.DisplayNameOf(file);

        // Assert
        name.Should().Be(display);
        Gpt4AllModelCatalog.BuiltIn.FilesOf(display).Should().Equal(file);
    }

    [Theory]
    [InlineData("meta-llama-3-8b-instruct.q4_0.gguf")]
    [InlineData("Llama 3 8B Instruct")]
    [InlineData("replit-code-v1_5-3b-newbpe-q4_0.gguf")]
    [InlineData("all-MiniLM-L6-v2.gguf2.f16.gguf")]
    public void DisplayNameOf_NotAServedCatalogFile_IsNull(string name)
    {
        // Act & Assert: other letter case, a display name, a model GPT4All hides (disableGUI), an embedding model.
        Gpt4AllModelCatalog.BuiltIn.DisplayNameOf(name).Should().BeNull();
    }

    [Fact]
    public void With_CachedCatalog_LaysItsChatModelsOverTheBuiltInOnes()
    {
        // Arrange: GPT4All's downloaded models3.json: a new file, a renamed model, and entries GPT4All itself skips.
        using var folder = new TempDirectory();
        var path = folder.File("models3.json");
        File.WriteAllText(path, """
            [
              {"name": "Llama 3 8B Instruct (Q8)", "filename": "Meta-Llama-3-8B-Instruct.Q8_0.gguf"},
              {"name": "Llama 3.2 1B", "filename": "Llama-3.2-1B-Instruct-Q4_0.gguf"},
              {"name": "Hidden", "filename": "hidden.gguf", "disableGUI": "true"},
              {"name": "Old", "filename": "old.gguf", "removedIn": "2.7.3"},
              {"name": "Embedder", "filename": "embed.gguf", "embeddingModel": true},
              {"name": 7, "filename": "bad.gguf"}
            ]
            """);

        // Act
        var catalog = Gpt4AllModelCatalog.BuiltIn.With(path);

        // Assert
        catalog.DisplayNameOf("Meta-Llama-3-8B-Instruct.Q8_0.gguf").Should().Be("Llama 3 8B Instruct (Q8)");
        catalog.DisplayNameOf("Llama-3.2-1B-Instruct-Q4_0.gguf").Should().Be("Llama 3.2 1B");
        catalog.DisplayNameOf("Meta-Llama-3-8B-Instruct.Q4_0.gguf").Should().Be("Llama 3 8B Instruct");
        new[] { "hidden.gguf", "old.gguf", "embed.gguf", "bad.gguf" }.Select(catalog.DisplayNameOf).Should().OnlyContain(n => n == null);
        catalog.Source.Should().Be($"{Gpt4AllModelCatalog.BuiltInSource}, updated from GPT4All's cached catalogue {path}");
    }

    [Fact]
    public void With_UnreadableCachedCatalog_KeepsTheBuiltInOneAndSaysWhy()
    {
        // Arrange
        using var folder = new TempDirectory();
        var path = folder.File("models3.json");
        File.WriteAllText(path, "[{\"name\": \"cut");

        // Act
        var catalog = Gpt4AllModelCatalog.BuiltIn.With(path);

        // Assert
        catalog.DisplayNameOf("Meta-Llama-3-8B-Instruct.Q4_0.gguf").Should().Be("Llama 3 8B Instruct");
        catalog.Source.Should().StartWith($"{Gpt4AllModelCatalog.BuiltInSource} (GPT4All's cached catalogue {path} could not be read: ");
    }

    [Fact]
    public void With_NoCachedCatalog_IsTheBuiltInOne()
    {
        // Act
        var catalog = Gpt4AllModelCatalog.BuiltIn.With(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "models3.json"));

        // Assert
        catalog.Should().BeSameAs(Gpt4AllModelCatalog.BuiltIn);
    }
}
