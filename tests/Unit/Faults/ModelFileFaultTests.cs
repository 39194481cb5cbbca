using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// The in-process engine's model files when they are missing, empty or not GGUF: named at the availability check
/// (before llama.cpp is given them) with what to do, so only that model's cases fail (README, "When something goes wrong").
/// </summary>
public sealed class ModelFileFaultTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Resolve_PathToAMissingFile_SaysToFixThePath()
    {
        // Act
        var (file, problem) = await Resolver().ResolveAsync("models/gone.gguf", _ct);

        // Assert
        file.Should().BeNull();
        problem.Should().Be($"model file {_folder.File("models/gone.gguf")} does not exist: fix the path in Models.");
    }

    [Fact]
    public async Task Resolve_WebPageSavedAsTheModel_SaysItIsNotGgufAndWhatItIs()
    {
        // Arrange: what a download link that needed a login saves.
        Directory.CreateDirectory(_folder.File("models"));
        await File.WriteAllTextAsync(_folder.File("models/llama.gguf"), "<!DOCTYPE html><html>Sign in</html>", _ct);

        // Act
        var (file, problem) = await Resolver().ResolveAsync("models/llama.gguf", _ct);

        // Assert
        file.Should().BeNull();
        problem.Should().Be(
            $"model file {_folder.File("models/llama.gguf")} is not a GGUF model: it starts with the bytes 3C21444F ('<!DO'), not 'GGUF' (an interrupted download, " +
            "a web page saved in its place, or another format such as safetensors). Download the model again (in GPT4All) or fix the path in Models.");
    }

    [Fact]
    public async Task Resolve_EmptyFileInGpt4AllsFolder_SaysItIsEmpty()
    {
        // Arrange: an interrupted download in GPT4All's model folder, under the model's file name.
        await File.WriteAllBytesAsync(_folder.File("Llama-3.2-1B-Instruct-Q4_0.gguf"), [], _ct);

        // Act
        var (file, problem) = await Resolver().ResolveAsync("Llama-3.2-1B-Instruct-Q4_0.gguf", _ct);

        // Assert
        file.Should().BeNull();
        problem.Should().StartWith($"model file {_folder.File("Llama-3.2-1B-Instruct-Q4_0.gguf")} is not a GGUF model: it is empty, not 'GGUF'");
    }

    [Fact]
    public async Task Resolve_RealGgufMagic_ResolvesWithTheFilesHash()
    {
        // Arrange: the magic and nothing else is enough for the check (llama.cpp judges the rest when it loads).
        await File.WriteAllBytesAsync(_folder.File("tiny.gguf"), [.. "GGUF"u8, 3, 0, 0, 0], _ct);

        // Act
        var (file, problem) = await Resolver().ResolveAsync(_folder.File("tiny.gguf"), _ct);

        // Assert
        problem.Should().BeNull();
        file!.Sha256.Should().Be(StandardSha256.OfFile(_folder.File("tiny.gguf")));
    }

    private EmbeddedModelResolver Resolver() => new(new EmbeddedOptions { ModelFolder = _folder.Path }, _folder.Path);
}
