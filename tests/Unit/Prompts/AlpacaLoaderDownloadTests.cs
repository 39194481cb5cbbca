using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Unit.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Prompts;

public sealed class AlpacaLoaderDownloadTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly WireMockServer _server = LocalServers.StartWireMock();

    private string Url => _server.Url + "/datasets/alpaca_data.json";

    public void Dispose()
    {
        _server.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task LoadAsync_Url_DownloadsIntoCacheWithItsHash()
    {
        // Arrange
        Serve(Fixtures.AlpacaSampleBytes);
        var loader = new AlpacaLoader(Options(), _root.Path);

        // Act
        var set = await loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.Source.Should().Be(Url);
        set.DatasetItems.Should().Be(12);
        set.Prompts.Should().HaveCount(4);
        set.Sha256.Should().Be(StandardSha256.Of(Fixtures.AlpacaSampleBytes));
        var files = _root.AllFiles();
        files.Should().HaveCount(2);
        var json = files.Should().ContainSingle(f => f.EndsWith("-alpaca.json", StringComparison.Ordinal)).Subject;
        json.Should().StartWith(Path.Combine("cache", "prompts"));
        File.ReadAllBytes(_root.File(json)).Should().Equal(Fixtures.AlpacaSampleBytes);
        File.ReadAllText(_root.File(json + ".sha256")).Trim().Should().Be(set.Sha256);
    }

    [Fact]
    public async Task LoadAsync_SecondLoad_UsesTheCacheWithoutDownloading()
    {
        // Arrange
        Serve(Fixtures.AlpacaSampleBytes);
        var loader = new AlpacaLoader(Options(), _root.Path);
        var first = await loader.LoadAsync(TestContext.Current.CancellationToken);

        // Act
        var second = await loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        _server.LogEntries.Should().HaveCount(1);
        second.Should().BeEquivalentTo(first);
    }

    [Fact]
    public async Task LoadAsync_BodyCutMidJson_FailsNamingUrlAndLeavesNoCache()
    {
        // Arrange
        var bytes = Fixtures.AlpacaSampleBytes;
        Serve(bytes[..(bytes.Length / 2)]);
        var loader = new AlpacaLoader(Options(), _root.Path);

        // Act
        var act = () => loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should()
            .Contain(Url).And.Contain("truncated").And.Contain($"byte {bytes.Length / 2}");
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_FewerBytesThanContentLength_FailsAsIncompleteAndLeavesNoCache()
    {
        // Arrange
        var bytes = Fixtures.AlpacaSampleBytes;
        using var handler = new ShortBodyHandler(bytes, bytes.Length + 1000);
        var loader = new AlpacaLoader(Options("http://127.0.0.1:9/alpaca.json"), _root.Path, handler);

        // Act
        var act = () => loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should()
            .Contain("http://127.0.0.1:9/alpaca.json").And.Contain($"{bytes.Length} of {bytes.Length + 1000} bytes");
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_NotFound_FailsWithStatusAndLeavesNoCache()
    {
        // Arrange
        var loader = new AlpacaLoader(Options(), _root.Path);

        // Act
        var act = () => loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should().Contain(Url).And.Contain("HTTP 404");
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_ServerNotListening_FailsWithConnectionError()
    {
        // Arrange
        var url = LocalServers.ClosedBaseUrl() + "/alpaca.json";
        var loader = new AlpacaLoader(Options(url), _root.Path);

        // Act
        var act = () => loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should().Contain(url).And.Contain("refused");
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_CacheAlteredAfterDownload_ReportsCorruptionAndDeletesIt()
    {
        // Arrange
        Serve(Fixtures.AlpacaSampleBytes);
        var loader = new AlpacaLoader(Options(), _root.Path);
        await loader.LoadAsync(TestContext.Current.CancellationToken);
        var cached = _root.File(_root.AllFiles().Single(f => f.EndsWith(".json", StringComparison.Ordinal)));
        File.WriteAllText(cached, "[]");

        // Act
        var act = () => loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should().Contain("corrupt").And.Contain(cached).And.Contain(Url);
        _root.AllFiles().Should().BeEmpty();
        (await loader.LoadAsync(TestContext.Current.CancellationToken)).DatasetItems.Should().Be(12, "the next load downloads again");
        _server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task LoadAsync_DownloadDiffersFromPinnedSha256_FailsNamingBothAndLeavesNoCache()
    {
        // Arrange
        Serve(Fixtures.AlpacaSampleBytes);
        var pin = new string('a', 64);
        var options = Options();
        options.Sha256 = pin;
        var loader = new AlpacaLoader(options, _root.Path);
        var actual = StandardSha256.Of(Fixtures.AlpacaSampleBytes);

        // Act
        var act = () => loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<PromptLoadException>()).Which.Message.Should()
            .Contain(pin).And.Contain(actual).And.Contain("Prompts:Sha256").And.Contain(Url);
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_DownloadMatchesPinnedSha256InUpperCase_Loads()
    {
        // Arrange
        Serve(Fixtures.AlpacaSampleBytes);
        var options = Options();
        options.Sha256 = StandardSha256.Of(Fixtures.AlpacaSampleBytes).ToUpperInvariant();
        var loader = new AlpacaLoader(options, _root.Path);

        // Act
        var set = await loader.LoadAsync(TestContext.Current.CancellationToken);

        // Assert
        set.Sha256.Should().Be(options.Sha256.ToLowerInvariant());
    }

    private PromptOptions Options(string? url = null) => new()
    {
        Source = url ?? Url,
        CacheDirectory = "cache/prompts",
        Pool = 12,
        Count = 4,
    };

    private void Serve(byte[] body) => _server
        .Given(Request.Create().WithPath("/datasets/alpaca_data.json").UsingGet())
        .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
}
