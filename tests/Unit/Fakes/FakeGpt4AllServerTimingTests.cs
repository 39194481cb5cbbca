using System.Diagnostics;
using System.Text.Json;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Fakes;

/// <summary>Wall-clock measurements: run alone so other tests do not steal the two cores.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(typeof(TimingCollection))]
public sealed class FakeGpt4AllServerTimingTests
{
    [Fact]
    public async Task Completions_MoreTokens_TakeProportionallyLonger()
    {
        // Arrange: 200 tokens/s, so 10 tokens = 0.05 s and 100 tokens = 0.5 s.
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options(tokensPerSecond: 200));
        using var http = new HttpClient();
        var url = fake.BaseUrl + "/completions";
        var prompt = FakeServerSetup.PromptWanting(FakeServerSetup.Small, 100);
        await FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(maxTokens: 1));

        // Act
        var shortTime = await TimeAsync(() => FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 10)));
        var longTime = await TimeAsync(() => FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 100)));

        // Assert
        shortTime.TotalSeconds.Should().BeInRange(0.04, 0.35);
        longTime.TotalSeconds.Should().BeInRange(0.49, 1.2);
        (longTime - shortTime).TotalSeconds.Should().BeInRange(0.3, 0.9);
    }

    [Fact]
    public async Task Completions_SpeedFactor_SlowsGeneration()
    {
        // Arrange
        var options = FakeServerSetup.Options(tokensPerSecond: 400);
        options.SpeedFactor = 0.5;
        using var fake = FakeGpt4AllServer.Start(options);
        using var http = new HttpClient();

        // Act: 100 tokens at 400 x 0.5 = 200 tokens/s.
        var prompt = FakeServerSetup.PromptWanting(FakeServerSetup.Small, 100);
        var elapsed = await TimeAsync(() => FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 100)));

        // Assert
        elapsed.TotalSeconds.Should().BeInRange(0.49, 1.2);
    }

    [Fact]
    public async Task Completions_TwoAtOnce_AreServedOneAfterTheOther()
    {
        // Arrange: each takes 100 tokens / 400 tokens/s = 0.25 s.
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options(tokensPerSecond: 400));
        using var http = new HttpClient();
        var url = fake.BaseUrl + "/completions";

        var prompt = FakeServerSetup.PromptWanting(FakeServerSetup.Small, 100);

        // Act
        var elapsed = await TimeAsync(() => Task.WhenAll(
            FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 100)),
            FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 100))));

        // Assert
        elapsed.TotalSeconds.Should().BeGreaterThanOrEqualTo(0.49);
    }

    [Fact]
    public async Task BusyFile_DuringRequest_HoldsModelPowerThenIsDeleted()
    {
        // Arrange: 100 tokens at 100 tokens/s = 1 s of "generation".
        using var folder = new TempDirectory();
        var options = FakeServerSetup.Options(tokensPerSecond: 100);
        options.PowerFactor = 1.1;
        using var fake = FakeGpt4AllServer.Start(options, folder.File("state/busy"));
        using var http = new HttpClient();
        var busy = fake.BusyFilePath!;
        File.Exists(busy).Should().BeFalse("the server is idle");

        // Act
        var request = FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(model: FakeServerSetup.Large, prompt: FakeServerSetup.PromptWanting(FakeServerSetup.Large, 100), maxTokens: 100));
        var during = await ReadWhenPresentAsync(busy, TimeSpan.FromSeconds(3));
        var (status, body) = await request;

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("model").GetString().Should().Be(FakeServerSetup.Large);
        during.Should().Be("4400 33000\n");
        File.Exists(busy).Should().BeFalse("the response is done");
        folder.AllFiles().Should().BeEmpty("no temporary file is left behind");
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task<string?> ReadWhenPresentAsync(string path, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (File.Exists(path))
            {
                try
                {
                    return await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
                }
                catch (FileNotFoundException)
                {
                    // Deleted between the check and the read: keep polling.
                }
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return null;
    }
}
