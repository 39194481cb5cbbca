using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Fakes;

/// <summary>
/// Timing of the fake server: on virtual time where a duration is asserted; on the wall clock only where load can
/// merely lengthen what is measured (a lower bound). Run alone so other tests do not steal the two cores.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(typeof(TimingCollection))]
public sealed class FakeGpt4AllServerTimingTests
{
    [Fact]
    public async Task Completions_MoreTokens_TakeProportionallyLonger()
    {
        // Arrange: 200 tokens/s on virtual time, so 10 tokens take 0.05 s and 100 tokens 0.5 s, each plus the same
        // prefill (a few prompt tokens at 200000 tokens/s: under 0.1 ms).
        var time = new SkipAheadTimeProvider(TimeSpan.FromSeconds(10));
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options(tokensPerSecond: 200), time: time);
        using var http = new HttpClient();
        var url = fake.BaseUrl + "/completions";
        var prompt = FakeServerSetup.PromptWanting(FakeServerSetup.Small, 100);

        // Act
        var shortTime = await TimeAsync(time, () => FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 10)));
        var longTime = await TimeAsync(time, () => FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 100)));

        // Assert (to Task.Delay's whole milliseconds)
        shortTime.TotalSeconds.Should().BeApproximately(10 / 200.0, 0.002);
        longTime.TotalSeconds.Should().BeApproximately(100 / 200.0, 0.002);
        (longTime - shortTime).TotalSeconds.Should().BeApproximately(90 / 200.0, 0.002);
    }

    [Fact]
    public async Task Completions_SpeedFactor_SlowsGeneration()
    {
        // Arrange
        var time = new SkipAheadTimeProvider(TimeSpan.FromSeconds(10));
        var options = FakeServerSetup.Options(tokensPerSecond: 400);
        options.SpeedFactor = 0.5;
        using var fake = FakeGpt4AllServer.Start(options, time: time);
        using var http = new HttpClient();

        // Act: 100 tokens at 400 x 0.5 = 200 tokens/s.
        var prompt = FakeServerSetup.PromptWanting(FakeServerSetup.Small, 100);
        var elapsed = await TimeAsync(time, () => FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(prompt: prompt, maxTokens: 100)));

        // Assert: 0.5 s, not the 0.25 s of full speed (prefill under 0.1 ms; Task.Delay's whole milliseconds).
        elapsed.TotalSeconds.Should().BeApproximately(100 / 200.0, 0.002);
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

        // Assert: on the wall clock, a lower bound only (load can lengthen the two requests, never shorten them).
        // Virtual time cannot show this: two waits made at once would add up there as well.
        elapsed.TotalSeconds.Should().BeGreaterThanOrEqualTo(0.49);
    }

    [Fact]
    public async Task BusyFile_DuringRequest_HoldsModelPowerThenIsDeleted()
    {
        // Arrange: 100 tokens at 100 tokens/s = 1 s of "generation" on a fake clock: the request generates until the
        // test moves time on, however long the machine takes to get there.
        using var folder = new TempDirectory();
        var options = FakeServerSetup.Options(tokensPerSecond: 100);
        options.PowerFactor = 1.1;
        var time = new FakeTimeProvider();
        using var fake = FakeGpt4AllServer.Start(options, folder.File("state/busy"), time);
        using var http = new HttpClient();
        var busy = fake.BusyFilePath!;
        File.Exists(busy).Should().BeFalse("the server is idle");

        // Act
        var request = FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(model: FakeServerSetup.Large, prompt: FakeServerSetup.PromptWanting(FakeServerSetup.Large, 100), maxTokens: 100));
        var during = await ReadWhenPresentAsync(busy, TimeSpan.FromSeconds(60));
        var stillGenerating = !request.IsCompleted && File.Exists(busy);
        var (status, body) = await FinishOnFakeTimeAsync(time, request);

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("model").GetString().Should().Be(FakeServerSetup.Large);
        during.Should().Be("4400 33000\n");
        stillGenerating.Should().BeTrue("the file is held until the generation's time has passed");
        File.Exists(busy).Should().BeFalse("the response is done");
        folder.AllFiles().Should().BeEmpty("no temporary file is left behind");
    }

    /// <summary>Elapsed time on <paramref name="time"/> while <paramref name="action"/> runs.</summary>
    private static async Task<TimeSpan> TimeAsync(FakeTimeProvider time, Func<Task> action)
    {
        var start = time.GetUtcNow();
        await action();
        return time.GetUtcNow() - start;
    }

    /// <summary>Wall-clock time of <paramref name="action"/>.</summary>
    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    /// <summary>
    /// Moves <paramref name="time"/> on a second at a time until <paramref name="request"/> is answered: the server
    /// may start its wait just after a step, so one step past the wait's length is not enough.
    /// </summary>
    private static async Task<T> FinishOnFakeTimeAsync<T>(FakeTimeProvider time, Task<T> request)
    {
        while (!request.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(request, Task.Delay(10, TestContext.Current.CancellationToken));
        }

        return await request;
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
