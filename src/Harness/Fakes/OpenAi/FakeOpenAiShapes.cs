using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// The JSON each imitated server writes, by <see cref="OpenAiFlavors"/>: errors (llama-server
/// <c>{"error":{"code","message","type"}}</c>; LM Studio and vLLM <c>{"error":{"message","type","param","code"}}</c>), model
/// lists (<c>owned_by</c> <c>llamacpp</c>, <c>organization_owner</c>, <c>vllm</c> with <c>max_model_len</c>), and the extras:
/// llama-server's <c>timings</c> in ms and LM Studio's <c>stats</c> in s, both computed from the answer's
/// <see cref="FakeTokenScript"/> so they agree with what the fake really did.
/// </summary>
internal static class FakeOpenAiShapes
{
    /// <summary>What a fake llama-server calls its build (<c>build_info</c>, <c>system_fingerprint</c>).</summary>
    public const string LlamaCppBuild = "b0-fake";

    public static JsonObject Error(string flavor, int status, string message, string? type = null) => flavor switch
    {
        OpenAiFlavors.LlamaCpp => new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["type"] = type ?? LlamaCppType(status) },
        },
        _ => new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = type ?? (flavor == OpenAiFlavors.Vllm ? VllmType(status) : "invalid_request_error"),
                ["param"] = null,
                ["code"] = flavor == OpenAiFlavors.Vllm ? status : null,
            },
        },
    };

    /// <summary>The answer to a model the server does not serve, and its status.</summary>
    public static (int Status, JsonObject Body) ModelNotFound(string flavor, string model) => flavor switch
    {
        OpenAiFlavors.LlamaCpp => (400, Error(flavor, 400, $"model '{model}' not found")),
        OpenAiFlavors.Vllm => (404, Error(flavor, 404, $"The model `{model}` does not exist.", "NotFoundError")),
        _ => (404, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"Model \"{model}\" not found. No model with that identifier is loaded, and JIT loading is off.",
                ["type"] = "invalid_request_error",
                ["param"] = "model",
                ["code"] = "model_not_found",
            },
        }),
    };

    public static JsonObject ModelList(string flavor, IEnumerable<string> names, int contextTokens, long created) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. names.Select(name => (JsonNode)Model(flavor, name, contextTokens, created))]),
    };

    /// <summary>LM Studio's <c>GET /api/v0/models</c>: every model with its quantization, architecture, state and context lengths.</summary>
    public static JsonObject LmStudioModels(IEnumerable<string> names, int contextTokens) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. names.Select(name => (JsonNode)new JsonObject
        {
            ["id"] = name,
            ["object"] = "model",
            ["type"] = "llm",
            ["publisher"] = "lmstudio-community",
            ["arch"] = "llama",
            ["compatibility_type"] = "gguf",
            ["quantization"] = "Q4_K_M",
            ["state"] = "loaded",
            ["max_context_length"] = 131072,
            ["loaded_context_length"] = contextTokens,
        })]),
    };

    /// <summary>llama-server's <c>GET /props</c> (tools/server/README.md): the first model's path, its slots (<c>--parallel</c>), its sampler defaults.</summary>
    public static JsonObject Props(string model, int contextTokens, int slots) => new()
    {
        ["default_generation_settings"] = new JsonObject
        {
            ["id"] = 0,
            ["id_task"] = -1,
            ["n_ctx"] = contextTokens,
            ["speculative"] = false,
            ["is_processing"] = false,
            ["params"] = new JsonObject
            {
                ["n_predict"] = -1,
                ["seed"] = 4294967295,
                ["temperature"] = 0.800000011920929,
                ["top_k"] = 40,
                ["top_p"] = 0.949999988079071,
                ["min_p"] = 0.05000000074505806,
                ["repeat_penalty"] = 1.0,
            },
        },
        ["total_slots"] = slots,
        ["model_path"] = $"/models/{model}.gguf",
        ["build_info"] = LlamaCppBuild,
    };

    /// <summary>llama-server's <c>timings</c> (ms) for an answer that went by <paramref name="script"/>.</summary>
    public static JsonObject Timings(FakeTokenScript script)
    {
        var promptMs = script.PrefillS * 1000;
        // llama-server times decode from the end of the prompt to the last token: the tokens after the first.
        var predictedMs = script.DecodeS * 1000;
        return new JsonObject
        {
            ["cache_n"] = 0,
            ["prompt_n"] = script.PromptTokens,
            ["prompt_ms"] = promptMs,
            ["prompt_per_token_ms"] = script.PromptTokens > 0 ? promptMs / script.PromptTokens : 0,
            ["prompt_per_second"] = promptMs > 0 ? script.PromptTokens / promptMs * 1000 : 0,
            ["predicted_n"] = script.CompletionTokens,
            ["predicted_ms"] = predictedMs,
            ["predicted_per_token_ms"] = script.CompletionTokens > 0 ? predictedMs / script.CompletionTokens : 0,
            ["predicted_per_second"] = predictedMs > 0 ? script.CompletionTokens / predictedMs * 1000 : 0,
        };
    }

    /// <summary>LM Studio's <c>stats</c> (s) for an answer that went by <paramref name="script"/>.</summary>
    public static JsonObject Stats(FakeTokenScript script, string finishReason)
    {
        var generationS = script.DecodeS;
        return new JsonObject
        {
            ["tokens_per_second"] = generationS > 0 ? script.CompletionTokens / generationS : 0,
            ["time_to_first_token"] = script.TimeToFirstTokenS,
            ["generation_time"] = generationS,
            ["stop_reason"] = finishReason == "length" ? "maxPredictedTokensReached" : "eosFound",
        };
    }

    private static JsonObject Model(string flavor, string name, int contextTokens, long created) => flavor switch
    {
        OpenAiFlavors.LlamaCpp => new JsonObject
        {
            ["id"] = name,
            ["object"] = "model",
            ["created"] = created,
            ["owned_by"] = "llamacpp",
            ["meta"] = new JsonObject { ["n_ctx_train"] = 131072 },
        },
        OpenAiFlavors.Vllm => new JsonObject
        {
            ["id"] = name,
            ["object"] = "model",
            ["created"] = created,
            ["owned_by"] = "vllm",
            ["root"] = name,
            ["parent"] = null,
            ["max_model_len"] = contextTokens,
        },
        _ => new JsonObject { ["id"] = name, ["object"] = "model", ["owned_by"] = "organization_owner" },
    };

    private static string LlamaCppType(int status) => status switch
    {
        404 => "not_found_error",
        503 => "unavailable_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    private static string VllmType(int status) => status switch
    {
        404 => "NotFoundError",
        >= 500 => "InternalServerError",
        _ => "BadRequestError",
    };
}
