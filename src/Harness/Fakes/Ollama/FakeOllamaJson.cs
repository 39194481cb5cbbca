using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// Ollama's JSON shapes (docs/api.md; server/routes.go and api/types.go for the key order and <c>omitempty</c>): keys in the
/// order Go's structs declare them, durations in nanoseconds, metrics left out when zero.
/// </summary>
internal static class FakeOllamaJson
{
    /// <summary>The fake's version, as <c>GET /api/version</c> says it.</summary>
    public const string Version = "0.12.6";

    /// <summary>
    /// Go's encoding/json leaves quotes and apostrophes in strings as they are (<c>"model 'x' not found"</c>); .NET's default
    /// encoder would write <c>\u0027</c>. (Go does escape &lt;, &gt; and &amp;; no fake text holds them.)
    /// </summary>
    public static readonly JsonSerializerOptions Go = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Error(string message) => new JsonObject { ["error"] = message }.ToJsonString(Go);

    /// <summary>RFC 3339 with fractional seconds, UTC, as Go writes <c>time.Time</c>.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>One streamed line (without its newline): a token of <c>/api/generate</c> (<c>response</c>) or <c>/api/chat</c> (<c>message</c>).</summary>
    public static string Token(string model, bool chat, DateTimeOffset at, string piece) => Reply(model, chat, at, piece, done: false).ToJsonString(Go);

    /// <summary>
    /// The final object: <c>done: true</c>, <c>done_reason</c>, and the script's times in ns (load_duration = load,
    /// prompt_eval_duration = prefill, eval_duration = <see cref="FakeTokenScript.DecodeS"/>, the decode after the first token; total_duration =
    /// from the request's arrival to the last token). <paramref name="text"/> is the whole answer (stream false) or "".
    /// </summary>
    public static JsonObject Final(FakeTokenScript script, string model, bool chat, DateTimeOffset at, string text, string doneReason)
    {
        var final = Reply(model, chat, at, text, done: true);
        final["done_reason"] = doneReason;
        if (!chat)
            final["context"] = new JsonArray([.. Enumerable.Range(1, script.PromptTokens + script.CompletionTokens).Select(i => (JsonNode)(i % 32000))]);
        AddNanoseconds(final, "total_duration", script.DurationS);
        AddNanoseconds(final, "load_duration", script.LoadS);
        if (script.PromptTokens > 0)
            final["prompt_eval_count"] = script.PromptTokens;
        AddNanoseconds(final, "prompt_eval_duration", script.PrefillS);
        if (script.CompletionTokens > 0)
            final["eval_count"] = script.CompletionTokens;
        AddNanoseconds(final, "eval_duration", script.DecodeS);
        return final;
    }

    /// <summary>The answer to a request without a prompt: the model is loaded (or unloaded with keep_alive 0).</summary>
    public static string Loaded(string model, bool chat, DateTimeOffset at, string doneReason)
    {
        var reply = Reply(model, chat, at, "", done: true);
        reply["done_reason"] = doneReason;
        return reply.ToJsonString(Go);
    }

    public static string Tags(IEnumerable<FakeModelOptions> models, DateTimeOffset modified) => new JsonObject
    {
        ["models"] = new JsonArray([.. models.Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Name,
            ["model"] = m.Name,
            ["modified_at"] = Timestamp(modified),
            ["size"] = SizeOf(m),
            ["digest"] = Digest(m),
            ["details"] = Details(m),
        })]),
    }.ToJsonString(Go);

    /// <summary><c>GET /api/ps</c>: the loaded models, all in GPU memory (size_vram = size), with when they unload.</summary>
    public static string Running(IEnumerable<(FakeModelOptions Model, DateTimeOffset ExpiresAt)> loaded, int contextTokens) => new JsonObject
    {
        ["models"] = new JsonArray([.. loaded.Select(l => (JsonNode)new JsonObject
        {
            ["name"] = l.Model.Name,
            ["model"] = l.Model.Name,
            ["size"] = SizeOf(l.Model),
            ["digest"] = Digest(l.Model),
            ["details"] = Details(l.Model),
            ["expires_at"] = Timestamp(l.ExpiresAt),
            ["size_vram"] = SizeOf(l.Model),
            ["context_length"] = contextTokens,
        })]),
    }.ToJsonString(Go);

    /// <summary><c>POST /api/show</c>: the Modelfile's parameters (as Ollama prints them: name, spaces, value), details, model_info.</summary>
    public static string Show(FakeModelOptions model, int contextTokens, DateTimeOffset modified) => new JsonObject
    {
        ["license"] = "fake licence",
        ["modelfile"] = $"# Modelfile generated by \"ollama show\"\nFROM {model.Name}\n",
        ["parameters"] = "num_ctx                        " + contextTokens.ToString(CultureInfo.InvariantCulture) + "\n"
            + "stop                           \"<|eot_id|>\"\n"
            + "temperature                    0.8\n"
            + "top_k                          40\n"
            + "top_p                          0.9",
        ["template"] = "{{ .Prompt }}",
        ["details"] = Details(model),
        ["model_info"] = new JsonObject
        {
            ["general.architecture"] = "llama",
            ["general.file_type"] = 15,
            ["general.parameter_count"] = SizeOf(model) * 2,
            ["llama.context_length"] = 131072,
        },
        ["capabilities"] = new JsonArray("completion"),
        ["modified_at"] = Timestamp(modified),
    }.ToJsonString(Go);

    private static JsonObject Reply(string model, bool chat, DateTimeOffset at, string content, bool done)
    {
        var reply = new JsonObject { ["model"] = model, ["created_at"] = Timestamp(at) };
        if (chat)
            reply["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content };
        else
            reply["response"] = content;
        reply["done"] = done;
        return reply;
    }

    private static void AddNanoseconds(JsonObject json, string key, double seconds)
    {
        var ns = (long)Math.Round(seconds * 1e9);
        if (ns > 0)
            json[key] = ns;
    }

    private static JsonObject Details(FakeModelOptions model) => new()
    {
        ["parent_model"] = "",
        ["format"] = "gguf",
        ["family"] = "llama",
        ["families"] = new JsonArray("llama"),
        ["parameter_size"] = "fake",
        ["quantization_level"] = "Q4_K_M",
    };

    /// <summary>A stable size per model, bytes (about 1 GB plus a digest-derived part), so two models differ.</summary>
    private static long SizeOf(FakeModelOptions model) => 1_000_000_000L + (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(model.Name))) % 1_000_000_000L);

    private static string Digest(FakeModelOptions model) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model.Name)));
}
