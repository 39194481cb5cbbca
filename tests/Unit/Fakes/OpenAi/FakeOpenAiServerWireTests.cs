using System.Net.Http.Json;
using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Unit.Fakes.OpenAi;

public sealed class FakeOpenAiServerWireTests
{
    [Fact]
    public async Task Stream_LlamaCppChatWithUsage_FramesAsLlamaServer()
    {
        // Arrange
        using var fake = FakeOpenAiSetup.Start(OpenAiFlavors.LlamaCpp);
        using var http = new HttpClient();

        // Act
        using var response = await http.PostAsync(fake.BaseUrl + "/chat/completions", JsonContent.Create(FakeOpenAiSetup.ChatBody()), TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(raw[..Math.Min(raw.Length, 1500)]);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = FakeOpenAiSetup.Events(raw);
        events[0].Should().Be(": ping");
        events[^1].Should().Be("data: [DONE]");
        events.Skip(1).SkipLast(1).Should().OnlyContain(e => e.StartsWith("data: {", StringComparison.Ordinal));
        var chunks = events.Skip(1).SkipLast(1).Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString().Should().Be("assistant");
        chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("content").ValueKind.Should().Be(JsonValueKind.Null);
        var finish = chunks[^2].GetProperty("choices")[0];
        finish.GetProperty("finish_reason").GetString().Should().Be("length");
        finish.GetProperty("delta").EnumerateObject().Should().BeEmpty();
        var usage = chunks[^1];
        usage.GetProperty("choices").GetArrayLength().Should().Be(0);
        var completionTokens = usage.GetProperty("usage").GetProperty("completion_tokens").GetInt32();
        completionTokens.Should().Be(20, "every answer runs to at least 20 tokens, so max_tokens 20 ends it");
        chunks.Count(c => c.GetProperty("choices").GetArrayLength() == 1 && c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t)
            && t.ValueKind == JsonValueKind.String).Should().Be(completionTokens, "one content chunk per token");
        usage.GetProperty("timings").GetProperty("predicted_n").GetInt32().Should().Be(20);
        chunks.SkipLast(1).Count(c => c.TryGetProperty("timings", out _)).Should().Be(0, "timings ride on the last chunk only");
    }
}

