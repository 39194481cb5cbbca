using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.OpenAi;

namespace SlmEnergyBench.Unit.Fakes.OpenAi;

/// <summary>The fake's scripted faults, and the real client's handling of each.</summary>
public sealed class FakeOpenAiServerFaultTests
{
    private static CompletionRequest Request(string model = FakeOpenAiSetup.Small) => new(model, "Name three units of energy.", 20, 0.7);

    [Fact]
    public async Task Health_WhileLoading_Answers503InLlamaServersShapeThenOk()
    {
        // Arrange
        using var fake = FakeOpenAiSetup.Start(OpenAiFlavors.LlamaCpp, new FakeOpenAiScenario { LoadingSeconds = 0.5 });
        using var http = new HttpClient();
        var health = fake.BaseUrl[..^3] + "/health";

        // Act
        using var loading = await http.GetAsync(health, TestContext.Current.CancellationToken);
        var loadingBody = await loading.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Task.Delay(600, TestContext.Current.CancellationToken);
        using var ready = await http.GetAsync(health, TestContext.Current.CancellationToken);

        // Assert
        ((int)loading.StatusCode).Should().Be(503);
        loadingBody.Should().Be("{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}");
        ((int)ready.StatusCode).Should().Be(200);
        (await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("{\"status\":\"ok\"}");
    }

    [Fact]
    public async Task CompleteAsync_ServerLoadingWithinTheWait_WaitsAndStartsTheClockAtTheAnsweredAttempt()
    {
        // Arrange
        using var fake = FakeOpenAiSetup.Start(OpenAiFlavors.LlamaCpp, new FakeOpenAiScenario { LoadingSeconds = 0.6 });
        var clock = new Harness.Timing.SessionClock();
        using var client = FakeOpenAiSetup.Client(fake, flavor: OpenAiFlavors.LlamaCpp, clock: clock);
        var sentS = clock.Now;

        // Act
        var result = await client.CompleteAsync(Request(), TestContext.Current.CancellationToken);

        // Assert
        result.StartS.Should().BeGreaterThanOrEqualTo(sentS + 0.5, "the 503 answers are not part of the measured request");
        result.CompletionTokens.Should().Be(20);
    }

    [Fact]
    public async Task CompleteAsync_NoDoneAndMidStreamError_EndOfBodyEndsOneAndTheOtherFailsItsCaseOnly()
    {
        // Arrange
        using var noDone = FakeOpenAiSetup.Start(OpenAiFlavors.Vllm, new FakeOpenAiScenario { SendDone = false });
        using var failing = FakeOpenAiSetup.Start(OpenAiFlavors.LmStudio, new FakeOpenAiScenario { MidStreamErrorAfterTokens = 5 });
        using var noDoneClient = FakeOpenAiSetup.Client(noDone);
        using var failingClient = FakeOpenAiSetup.Client(failing);

        // Act
        var result = await noDoneClient.CompleteAsync(Request(), TestContext.Current.CancellationToken);
        var act = () => failingClient.CompleteAsync(Request(), TestContext.Current.CancellationToken);

        // Assert
        result.Stream!.ChunkOffsetsS.Should().HaveCount(20);
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should()
            .Contain("after 5 content chunks").And.Contain("scripted mid-stream error");
    }

    [Theory]
    [InlineData(OpenAiFlavors.LmStudio, "lms load Unknown")]
    [InlineData(OpenAiFlavors.Vllm, "--served-model-name Unknown")]
    [InlineData(OpenAiFlavors.LlamaCpp, "-m/--alias")]
    public async Task CheckAsync_ModelNotServed_NamesWhatIsServedAndHowToServeIt(string flavor, string hint)
    {
        // Arrange
        using var fake = FakeOpenAiSetup.Start(flavor);
        using var client = FakeOpenAiSetup.Client(fake);

        // Act
        var availability = await client.CheckAsync([FakeOpenAiSetup.Small, "Unknown"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("does not serve 'Unknown'").And.Contain($"'{FakeOpenAiSetup.Small}'").And.Contain(hint);
    }

    [Fact]
    public async Task Stream_PrefillPowerUntilFirstTokenThenActivePower_InTheBusyFile()
    {
        // Arrange: 1 s of prefill (100 prompt tokens at 100 tokens/s), then slow decode.
        using var directory = new Support.TempDirectory();
        var busy = Path.Combine(directory.Path, "busy.txt");
        var options = FakeServerSetup.Options(tokensPerSecond: 20);
        options.PrefillTokensPerSecond = 100;
        options.Models[0].PrefillCpuPowerW = 3;
        options.Models[0].PrefillGpuPowerW = 5;
        using var fake = FakeOpenAiServer.Start(options, OpenAiFlavors.LlamaCpp, busy);
        using var client = FakeOpenAiSetup.Client(fake);

        // Act
        var running = client.CompleteAsync(new CompletionRequest(FakeOpenAiSetup.Small, new string('x', 400), 20, 0.7), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var duringPrefill = await File.ReadAllTextAsync(busy, TestContext.Current.CancellationToken);
        await Task.Delay(800, TestContext.Current.CancellationToken);
        var duringDecode = await File.ReadAllTextAsync(busy, TestContext.Current.CancellationToken);
        await running;

        // Assert: mW; the model's active power is 1.5 W CPU, 15 W GPU.
        duringPrefill.Should().Be("3000 5000\n");
        duringDecode.Should().Be("1500 15000\n");
        File.Exists(busy).Should().BeFalse("the file is gone once the answer is sent");
    }

    [Fact]
    public async Task Routes_EachServersOwn_AnswerInItsShape()
    {
        // Arrange
        using var llama = FakeOpenAiSetup.Start(OpenAiFlavors.LlamaCpp);
        using var vllm = FakeOpenAiSetup.Start(OpenAiFlavors.Vllm);
        using var http = new HttpClient();

        // Act
        var models = JsonDocument.Parse(await http.GetStringAsync(vllm.BaseUrl + "/models", TestContext.Current.CancellationToken)).RootElement;
        using var missing = await http.GetAsync(llama.BaseUrl[..^3] + "/nope", TestContext.Current.CancellationToken);
        var missingBody = await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        models.GetProperty("data")[0].GetProperty("owned_by").GetString().Should().Be("vllm");
        models.GetProperty("data")[0].GetProperty("max_model_len").GetInt32().Should().Be(2048);
        ((int)missing.StatusCode).Should().Be(404);
        missingBody.Should().Be("{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}");
    }
}
