using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// One entry of <c>GET /v1/models</c>: <c>{"id":...,"object":"model","owned_by":...}</c>; vLLM adds <c>max_model_len</c>
/// (tokens), llama-server owns its models as <c>llamacpp</c> and vLLM as <c>vllm</c>.
/// </summary>
internal sealed record OpenAiModel(string Id, string? OwnedBy, int? MaxModelLength);

/// <summary>Reads <c>GET /v1/models</c> and tells whether a model is among them.</summary>
internal static class OpenAiModelList
{
    /// <summary>The models listed, or null when the body is not <c>{"data":[{"id":...}]}</c>.</summary>
    public static IReadOnlyList<OpenAiModel>? Parse(string body)
    {
        using var document = OpenAiJson.TryParse(body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            return null;
        return [.. data.EnumerateArray()
            .Where(m => OpenAiJson.String(m, "id") is { Length: > 0 })
            .Select(m => new OpenAiModel(OpenAiJson.String(m, "id")!, OpenAiJson.String(m, "owned_by"), OpenAiJson.Int(m, "max_model_len")))];
    }

    /// <summary>
    /// The listed model <paramref name="model"/> names: the one whose id is exactly it; for llama-server, whose id is the
    /// model's path unless <c>--alias</c> is given, also the one whose file name is it (with or without <c>.gguf</c>).
    /// </summary>
    public static OpenAiModel? Find(IReadOnlyList<OpenAiModel> served, string model, string flavor)
    {
        var exact = served.FirstOrDefault(m => string.Equals(m.Id, model, StringComparison.Ordinal));
        if (exact is not null || flavor != OpenAiFlavors.LlamaCpp)
            return exact;
        return served.FirstOrDefault(m => FileName(m.Id) is var file
            && (string.Equals(file, model, StringComparison.Ordinal) || string.Equals(Path.GetFileNameWithoutExtension(file), model, StringComparison.Ordinal)));
    }

    private static string FileName(string id) => id[(id.LastIndexOfAny(['/', '\\']) + 1)..];
}
