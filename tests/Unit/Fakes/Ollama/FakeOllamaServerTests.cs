using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Fakes.Ollama;

namespace SlmEnergyBench.Unit.Fakes.Ollama;

public sealed class FakeOllamaServerTests
{
    [Fact]
    public async Task Generate_Streaming_IsNdjsonWithoutSseFraming()
    {
        // Arrange
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options());
        using var http = new HttpClient();

        // Act
        using var response = await http.PostAsync(fake.BaseUrl + "/api/generate",
            JsonContent.Create(new JsonObject { ["model"] = "llama3.2:1b", ["prompt"] = "Name three units of energy." }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert: every line a JSON object ending in "\n", no "data:" or blank lines; tokens, then one final object.
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        body.Should().EndWith("\n").And.NotContain("data:").And.NotContain("\n\n");
        var lines = body.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var script = fake.Script.Scripts.Should().ContainSingle().Subject;
        lines.Should().HaveCount(script.CompletionTokens + 1);
        lines[..^1].Should().OnlyContain(l => l["done"]!.GetValue<bool>() == false && l["model"]!.GetValue<string>() == "llama3.2:1b");
        string.Concat(lines[..^1].Select(l => l["response"]!.GetValue<string>()))
            .Should().Be(FakeTextGenerator.Generate("llama3.2:1b", "Name three units of energy.", script.CompletionTokens));
        var final = lines[^1];
        final["done"]!.GetValue<bool>().Should().BeTrue();
        final["response"]!.GetValue<string>().Should().BeEmpty();
        final["done_reason"]!.GetValue<string>().Should().Be("stop");
        final["prompt_eval_count"]!.GetValue<int>().Should().Be(7, "28 characters at about four per token");
        final["eval_count"]!.GetValue<int>().Should().Be(script.CompletionTokens);
        final["prompt_eval_duration"]!.GetValue<long>().Should().Be((long)Math.Round(7 / 200000.0 * 1e9), "7 tokens at 200000 tokens/s, in ns");
        final["eval_duration"]!.GetValue<long>().Should().Be((long)Math.Round((script.CompletionTokens - 1) / 5000.0 * 1e9), "the gaps after the first token, in ns");
        final.ContainsKey("load_duration").Should().BeFalse("Ollama leaves out a zero duration (omitempty), and the model loads in no time here");
    }

    [Fact]
    public async Task Generate_UnknownModel_Answers404AsOllama()
    {
        // Arrange
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options());
        using var http = new HttpClient();

        // Act
        using var response = await http.PostAsync(fake.BaseUrl + "/api/generate",
            JsonContent.Create(new JsonObject { ["model"] = "qwen2.5:0.5b", ["prompt"] = "Hi" }), TestContext.Current.CancellationToken);

        // Assert
        ((int)response.StatusCode).Should().Be(404);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("""{"error":"model 'qwen2.5:0.5b' not found"}""");
    }

    [Fact]
    public async Task TagsPsShowVersion_HaveOllamasShapes()
    {
        // Arrange
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options());
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        // Act
        using var tags = JsonDocument.Parse(await http.GetStringAsync(fake.BaseUrl + "/api/tags", ct));
        using var psBefore = JsonDocument.Parse(await http.GetStringAsync(fake.BaseUrl + "/api/ps", ct));
        (await http.PostAsync(fake.BaseUrl + "/api/generate", JsonContent.Create(new JsonObject { ["model"] = "llama3.2:1b", ["prompt"] = "Hi", ["stream"] = false }), ct)).Dispose();
        using var psAfter = JsonDocument.Parse(await http.GetStringAsync(fake.BaseUrl + "/api/ps", ct));
        using var show = JsonDocument.Parse(await (await http.PostAsync(fake.BaseUrl + "/api/show", JsonContent.Create(new JsonObject { ["model"] = "llama3.2:1b" }), ct)).Content.ReadAsStringAsync(ct));
        var version = await http.GetStringAsync(fake.BaseUrl + "/api/version", ct);

        // Assert
        tags.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Should().Equal("llama3.2:1b", "llama3.2:3b");
        tags.RootElement.GetProperty("models")[0].GetProperty("details").GetProperty("quantization_level").GetString().Should().Be("Q4_K_M");
        psBefore.RootElement.GetProperty("models").GetArrayLength().Should().Be(0);
        var loaded = psAfter.RootElement.GetProperty("models").EnumerateArray().Should().ContainSingle().Subject;
        loaded.GetProperty("name").GetString().Should().Be("llama3.2:1b");
        loaded.GetProperty("size_vram").GetInt64().Should().Be(loaded.GetProperty("size").GetInt64());
        show.RootElement.GetProperty("parameters").GetString().Should().Contain("num_ctx                        4096");
        version.Should().Be("""{"version":"0.12.6"}""");
    }

    [Fact]
    public async Task Generate_FirstUseAndAfterKeepAlive_LoadsTheModel()
    {
        // Arrange: a 0.05 s load; keep_alive 5 minutes on virtual time.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options(loadSeconds: 0.05), time: time);
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;
        async Task<JsonObject> AskAsync()
        {
            using var response = await http.PostAsync(fake.BaseUrl + "/api/generate",
                JsonContent.Create(new JsonObject { ["model"] = "llama3.2:1b", ["prompt"] = "Hi", ["stream"] = false, ["keep_alive"] = "5m" }), ct);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
        }

        // Act
        var first = await AskAsync();
        var second = await AskAsync();
        time.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await AskAsync();
        fake.Unload("llama3.2:1b");
        var afterUnload = await AskAsync();

        // Assert
        first["load_duration"]!.GetValue<long>().Should().Be(50_000_000);
        second.ContainsKey("load_duration").Should().BeFalse();
        afterExpiry["load_duration"]!.GetValue<long>().Should().Be(50_000_000);
        afterUnload["load_duration"]!.GetValue<long>().Should().Be(50_000_000);
        fake.Script.Scripts.Select(s => s.LoadS).Should().Equal(0.05, 0, 0.05, 0.05);
    }

    [Fact]
    public async Task Generate_BusyFile_HoldsPrefillPowerThenDecodePowerThenNothing()
    {
        // Arrange: 0.4 s of prefill (800 prompt tokens at 2000/s), then 50 tokens/s.
        using var dir = new SlmEnergyBench.Unit.Support.TempDirectory();
        var busy = Path.Combine(dir.Path, "busy.txt");
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options(tokensPerSecond: 50, prefillTokensPerSecond: 2000), busy);
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;
        var prompt = new string('x', 3200);

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.BaseUrl + "/api/generate")
        {
            Content = JsonContent.Create(new JsonObject { ["model"] = "llama3.2:1b", ["prompt"] = prompt, ["options"] = new JsonObject { ["num_predict"] = 20 } }),
        };
        // Like Ollama's, the fake's headers go out with the first line, so the prefill is watched while the send is pending.
        var sending = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await Task.Delay(200, ct);
        var duringPrefill = await File.ReadAllTextAsync(busy, ct);
        using var response = await sending;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        await reader.ReadLineAsync(ct);
        var duringDecode = await File.ReadAllTextAsync(busy, ct);
        await reader.ReadToEndAsync(ct);
        await Task.Delay(100, ct);

        // Assert
        duringPrefill.Should().Be("2000 20000\n", "PrefillCpuPowerW 2 W and PrefillGpuPowerW 20 W, in mW");
        duringDecode.Should().Be("1500 15000\n", "ActiveCpuPowerW 1.5 W and ActiveGpuPowerW 15 W, in mW");
        File.Exists(busy).Should().BeFalse();
    }
}
