using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Prompts;

public sealed class AlpacaLoaderFileTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>The Chinese Alpaca file of field input 3 (a JSON array of 3 items), beside the repository.</summary>
    private static readonly string FieldFile = Path.GetFullPath(Path.Combine(TestRepository.Root, "..", "shared", "field-inputs", "alpaca-zh-3.json"));

    /// <summary>The same three items as <see cref="FieldFile"/>, one per line, written out by hand.</summary>
    private const string FieldFileAsJsonLines =
        """
        {"instruction": "解释为什么天空是蓝色的。", "input": "", "output": "因为瑞利散射。"}
        {"instruction": "列出三种节约用水的方法。", "input": "", "output": "修理漏水、缩短淋浴时间、满载再洗衣。"}
        {"instruction": "把下面的句子翻译成英文。", "input": "火车中午出发。", "output": "The train leaves at noon."}

        """;

    private static readonly Prompt[] FieldPrompts =
    [
        new(0, 0, "解释为什么天空是蓝色的。"),
        new(1, 1, "列出三种节约用水的方法。"),
        new(2, 2, "把下面的句子翻译成英文。\n\n火车中午出发。"),
    ];

    [Fact]
    public async Task LoadAsync_FieldFileAsJsonArray_LoadsItsThreeItems()
    {
        // Arrange
        if (!File.Exists(FieldFile))
            Assert.Fail($"Field input 3 was not found at {FieldFile}: it is kept beside the repository (../shared/field-inputs/).");
        var options = new PromptOptions { Source = FieldFile, Pool = 3, Count = 3, IncludeInput = true };

        // Act
        var set = await new AlpacaLoader(options, _root.Path).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.DatasetItems.Should().Be(3);
        set.Prompts.Should().Equal(FieldPrompts);
    }

    [Theory]
    [InlineData("prompts.jsonl", false, "\n")]
    [InlineData("prompts.json", true, "\r\n")]
    public async Task LoadAsync_FieldFileAsJsonLines_LoadsTheSameItemsWhateverTheExtension(string name, bool byteOrderMark, string newline)
    {
        // Arrange: detected by content, so a .json name holding JSON Lines loads too; CRLF and a BOM as Windows tools write them.
        var text = FieldFileAsJsonLines.ReplaceLineEndings(newline);
        byte[] bytes = [.. byteOrderMark ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>(), .. System.Text.Encoding.UTF8.GetBytes(text)];
        await File.WriteAllBytesAsync(_root.File(name), bytes, TestContext.Current.CancellationToken);
        var options = new PromptOptions { Source = name, Pool = 3, Count = 3, IncludeInput = true };

        // Act
        var set = await new AlpacaLoader(options, _root.Path).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.DatasetItems.Should().Be(3);
        set.Prompts.Should().Equal(FieldPrompts);
    }

    // Each error names the file, the line and (for a format error) the accepted formats.
    [Theory]
    [InlineData("""[{"instruction":"a"},{"instruction":""}]""", "data.json line 1: item 1 has an empty 'instruction'", false)]
    [InlineData("""[{"instruction":"a"},{"input":"b"}]""", "data.json line 1: item 1 has no string 'instruction'", true)]
    [InlineData("[\n  {\"instruction\":\"a\"},\n  {\"instruction\":\"b\",\"input\":3}\n]", "data.json line 3: item 1 has a 'input' that is a Number", true)]
    [InlineData("""[{"instruction":"a"},"b"]""", "data.json line 1: item 1 is a String", true)]
    [InlineData("""[{"instruction":"a"}""", "data.json is truncated: the JSON stops at byte 20 (line 1)", false)]
    [InlineData("""[{"instruction":"a"}]]""", "data.json has more data after the end of its array, at line 1", true)]
    [InlineData("[{\"instruction\":\"a\"}]\n{\"instruction\":\"b\"}", "data.json has more data after the end of its array, at line 2", true)]
    [InlineData("""[{"instruction":"a",}]""", "data.json is not valid JSON at line 1", true)]
    [InlineData("{\"instruction\":\"a\"}\n{\"instruction\":\"b\",}\n", "data.json line 2 is not one complete JSON object", true)]
    [InlineData("{\n  \"instruction\": \"a\"\n}\n", "data.json line 1 is not one complete JSON object", true)]
    [InlineData("{\"instruction\":\"a\"}\n{\"instruction\":\"b", "data.json is truncated: the JSON stops at byte 37 (line 2)", false)]
    [InlineData("{\"instruction\":\"a\"}\n\n{\"input\":\"b\"}", "data.json line 3: item 1 has no string 'instruction'", true)]
    [InlineData("{\"instruction\":\"a\"}\n[\"b\"]", "data.json line 2: item 1 is a Array", true)]
    [InlineData("instruction,input\nSay hi.,", "data.json line 1 starts with 'i', which begins neither form", true)]
    [InlineData(" \n ", "data.json is empty", true)]
    public async Task LoadAsync_BadDataset_FailsSayingWhere(string content, string expected, bool namesFormats)
    {
        // Arrange
        await File.WriteAllTextAsync(_root.File("data.json"), content, TestContext.Current.CancellationToken);
        var options = new PromptOptions { Source = "data.json", Pool = 2, Count = 2 };

        // Act
        var act = () => new AlpacaLoader(options, _root.Path).LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        var message = (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message;
        message.Should().StartWith(expected);
        if (namesFormats)
            message.Should().EndWith("Accepted: a JSON array of Alpaca items ([{\"instruction\": \"...\", \"input\": \"...\", \"output\": \"...\"}, ...]) " +
                "or JSON Lines (one such {\"instruction\": ...} object per line).");
        else
            message.Should().NotContain("Accepted:");
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
