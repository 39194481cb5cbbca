using WireMock.Models;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// What the fake Ollama answers: a status, a content type and a body; or, for a streamed answer, its NDJSON
/// <paramref name="Lines"/> (status 200, each line written and flushed the moment the script says).
/// </summary>
internal sealed record FakeOllamaReply(int Status, string ContentType, string Body, IBlockingQueue<string?>? Lines = null)
{
    public const string Json = "application/json; charset=utf-8";
    public const string Ndjson = "application/x-ndjson";

    public static FakeOllamaReply Ok(string json) => new(200, Json, json);

    public static FakeOllamaReply Error(int status, string message) => new(status, Json, FakeOllamaJson.Error(message));

    /// <summary>Gin's answer to a path or method it has no route for.</summary>
    public static FakeOllamaReply NoRoute() => new(404, "text/plain", "404 page not found");
}
