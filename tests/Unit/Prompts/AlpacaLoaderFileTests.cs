using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Prompts;

public sealed class AlpacaLoaderFileTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("""[{"instruction":"a"},{"instruction":""}]""", "item 1 has an empty 'instruction'")]
    [InlineData("""[{"instruction":"a"},{"input":"b"}]""", "item 1 has no string 'instruction'")]
    [InlineData("""[{"instruction":"a","input":3}]""", "item 0 has a 'input' that is a Number")]
    [InlineData("""[{"instruction":"a"},"b"]""", "item 1 is a String")]
    [InlineData("""{"instruction":"a"}""", "not an array")]
    [InlineData("""[{"instruction":"a"}""", "truncated")]
    [InlineData("""[{"instruction":"a"}]]""", "not valid JSON")]
    [InlineData("""[{"instruction":"a",}]""", "not valid JSON at line 1")]
    public async Task LoadAsync_BadDataset_FailsSayingWhere(string json, string expected)
    {
        // Arrange
        await File.WriteAllTextAsync(_root.File("data.json"), json, TestContext.Current.CancellationToken);
        var options = new PromptOptions { Source = "data.json", Pool = 2, Count = 2 };

        // Act
        var act = () => new AlpacaLoader(options, _root.Path).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should().Contain(expected).And.Contain("data.json");
    }

    [Fact]
    public async Task LoadAsync_MissingFile_FailsNamingSourceAndPath()
    {
        // Arrange
        var options = new PromptOptions { Source = "prompts/none.json", Pool = 1, Count = 1 };

        // Act
        var act = () => new AlpacaLoader(options, _root.Path).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should()
            .Contain("'prompts/none.json'").And.Contain(_root.File("prompts/none.json"));
    }

    [Fact]
    public async Task LoadAsync_ByteOrderMarkAndNullInput_Loads()
    {
        // Arrange
        await File.WriteAllBytesAsync(_root.File("bom.json"),
            [0xEF, 0xBB, 0xBF, .. """[{"instruction":"Say hi.","input":null,"output":"Hi"}]"""u8.ToArray()], TestContext.Current.CancellationToken);
        var options = new PromptOptions { Source = "bom.json", Pool = 1, Count = 1, IncludeInput = true };

        // Act
        var set = await new AlpacaLoader(options, _root.Path).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.Prompts.Should().Equal(new Prompt(0, 0, "Say hi."));
    }
}
