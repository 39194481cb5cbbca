using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// The settings an OpenAI-compatible server reveals (<see cref="IRevealsSettings"/>): llama-server's <c>GET /props</c>
/// (<c>build_info</c>, <c>total_slots</c>, <c>model_path</c>, <c>default_generation_settings.n_ctx</c> and <c>.params</c>:
/// temperature, top_k, top_p, min_p, repeat_penalty); LM Studio's <c>GET /api/v0/models</c> entry (<c>quantization</c>,
/// <c>arch</c>, <c>max_context_length</c>, <c>loaded_context_length</c>, <c>state</c>); vLLM's <c>GET /version</c> and the
/// <c>/v1/models</c> entry's <c>max_model_len</c>. Always <c>flavor</c>. What cannot be read is left out.
/// </summary>
internal static class OpenAiSettings
{
    public static async Task<Dictionary<string, string>> ReadAsync(OpenAiHttp http, string flavor, string baseUrl, string root, string model,
        double timeoutS, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["flavor"] = flavor };
        switch (flavor)
        {
            case OpenAiFlavors.LlamaCpp:
                await WithJsonAsync(http, root + "/props", timeoutS, r => LlamaCpp(r, settings), cancellationToken).ConfigureAwait(false);
                break;
            case OpenAiFlavors.LmStudio:
                await WithJsonAsync(http, root + "/api/v0/models", timeoutS, r => LmStudio(r, model, settings), cancellationToken).ConfigureAwait(false);
                break;
            case OpenAiFlavors.Vllm:
                await WithJsonAsync(http, root + "/version", timeoutS, r => Put(settings, "version", r, "version"), cancellationToken).ConfigureAwait(false);
                var models = await http.TryGetAsync(baseUrl + "/models", timeoutS, cancellationToken).ConfigureAwait(false);
                if (models is { Ok: true } && OpenAiModelList.Parse(models.Body) is { } list
                    && OpenAiModelList.Find(list, model, flavor) is { MaxModelLength: { } length })
                    settings["context_tokens"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        return settings;
    }

    private static void LlamaCpp(JsonElement props, Dictionary<string, string> settings)
    {
        Put(settings, "version", props, "build_info");
        Put(settings, "parallel_slots", props, "total_slots");
        if (OpenAiJson.String(props, "model_path") is { Length: > 0 } path)
            settings["model_file"] = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        if (OpenAiJson.Object(props, "default_generation_settings") is not { } defaults)
            return;
        Put(settings, "context_tokens", defaults, "n_ctx");
        // Older builds put the sampler defaults directly in default_generation_settings, newer ones under its params.
        var sampler = OpenAiJson.Object(defaults, "params") ?? defaults;
        Put(settings, "temperature_default", sampler, "temperature");
        Put(settings, "top_k_default", sampler, "top_k");
        Put(settings, "top_p_default", sampler, "top_p");
        Put(settings, "min_p_default", sampler, "min_p");
        Put(settings, "repeat_penalty_default", sampler, "repeat_penalty");
    }

    private static void LmStudio(JsonElement list, string model, Dictionary<string, string> settings)
    {
        if (!list.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            return;
        var entry = data.EnumerateArray().FirstOrDefault(m => OpenAiJson.String(m, "id") == model);
        if (entry.ValueKind != JsonValueKind.Object)
            return;
        Put(settings, "quantization", entry, "quantization");
        Put(settings, "arch", entry, "arch");
        Put(settings, "state", entry, "state");
        Put(settings, "format", entry, "compatibility_type");
        Put(settings, "max_context_tokens", entry, "max_context_length");
        // The context the loaded model runs with; LM Studio gives it only for a loaded model.
        Put(settings, "context_tokens", entry, "loaded_context_length");
    }

    private static void Put(Dictionary<string, string> settings, string key, JsonElement obj, string name)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            settings[key] = OpenAiJson.Format(value);
    }

    private static async Task WithJsonAsync(OpenAiHttp http, string url, double timeoutS, Action<JsonElement> read, CancellationToken cancellationToken)
    {
        var answer = await http.TryGetAsync(url, timeoutS, cancellationToken).ConfigureAwait(false);
        if (answer is not { Ok: true })
            return;
        using var document = OpenAiJson.TryParse(answer.Body);
        if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object)
            read(document.RootElement);
    }
}
