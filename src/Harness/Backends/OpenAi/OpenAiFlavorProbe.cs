using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// Tells which OpenAI-compatible server answers at a base URL (<c>Backend:Flavor = auto</c>), from what each one alone serves:
/// <c>/v1/models</c> entries owned by <c>llamacpp</c> (llama-server) or <c>vllm</c>; llama-server's <c>GET /props</c> with
/// <c>default_generation_settings</c>; LM Studio's <c>GET /api/v0/models</c> with entries carrying <c>state</c>; vLLM's
/// <c>GET /version</c>. Anything else is <c>generic</c> (no extras read).
/// </summary>
internal static class OpenAiFlavorProbe
{
    /// <summary>The flavor, or null when nothing answered at all (then it is asked again next time).</summary>
    public static async Task<string?> DetectAsync(OpenAiHttp http, string baseUrl, string root, double timeoutS, CancellationToken cancellationToken)
    {
        var models = await http.TryGetAsync(baseUrl + "/models", timeoutS, cancellationToken).ConfigureAwait(false);
        if (models is null)
            return null;
        var owners = models.Ok ? OpenAiModelList.Parse(models.Body)?.Select(m => m.OwnedBy).ToHashSet() ?? [] : [];
        if (owners.Contains("llamacpp"))
            return OpenAiFlavors.LlamaCpp;
        if (owners.Contains("vllm"))
            return OpenAiFlavors.Vllm;
        if (await IsAsync(http, root + "/props", timeoutS, r => OpenAiJson.Object(r, "default_generation_settings") is not null, cancellationToken).ConfigureAwait(false))
            return OpenAiFlavors.LlamaCpp;
        if (await IsAsync(http, root + "/api/v0/models", timeoutS, IsLmStudioList, cancellationToken).ConfigureAwait(false))
            return OpenAiFlavors.LmStudio;
        if (await IsAsync(http, root + "/version", timeoutS, r => OpenAiJson.String(r, "version") is not null, cancellationToken).ConfigureAwait(false))
            return OpenAiFlavors.Vllm;
        return OpenAiFlavors.Generic;
    }

    private static bool IsLmStudioList(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
        && data.EnumerateArray().Any(m => OpenAiJson.String(m, "state") is not null);

    private static async Task<bool> IsAsync(OpenAiHttp http, string url, double timeoutS, Func<JsonElement, bool> test, CancellationToken cancellationToken)
    {
        var answer = await http.TryGetAsync(url, timeoutS, cancellationToken).ConfigureAwait(false);
        if (answer is not { Ok: true })
            return false;
        using var document = OpenAiJson.TryParse(answer.Body);
        return document is not null && document.RootElement.ValueKind == JsonValueKind.Object && test(document.RootElement);
    }
}
