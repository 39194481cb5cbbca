using System.Globalization;
using OllamaSharp.Models;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// The settings Ollama reveals for a model, in <see cref="IRevealsSettings"/>'s standard names: <c>version</c> (/api/version);
/// from /api/show the Modelfile's <c>parameters</c> (<c>num_ctx</c> → context_tokens, <c>temperature</c>, <c>top_k</c>,
/// <c>top_p</c>, <c>min_p</c>, <c>repeat_penalty</c> → *_default, <c>num_thread</c> → threads, <c>num_gpu</c> → gpu_layers; a
/// parameter the Modelfile does not set is Ollama's built-in default, not stated here) and <c>details</c> (quantization,
/// model_family, parameter_size); from /api/ps, when the model is loaded, <c>context_length</c> (the context it really runs
/// with, over num_ctx) and <c>size_vram</c> / <c>size</c> → gpu_offload (as <c>ollama ps</c> prints it: "100% GPU",
/// "48%/52% CPU/GPU", "100% CPU").
/// </summary>
internal static class OllamaSettings
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["num_ctx"] = "context_tokens",
        ["temperature"] = "temperature_default",
        ["top_k"] = "top_k_default",
        ["top_p"] = "top_p_default",
        ["min_p"] = "min_p_default",
        ["repeat_penalty"] = "repeat_penalty_default",
        ["num_thread"] = "threads",
        ["num_gpu"] = "gpu_layers",
    };

    public static void AddVersion(Dictionary<string, string> settings, string? version)
    {
        if (!string.IsNullOrWhiteSpace(version))
            settings["version"] = version;
    }

    public static void AddShow(Dictionary<string, string> settings, ShowModelResponse? show)
    {
        if (show is null)
            return;
        foreach (var line in (show.Parameters ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && Parameters.TryGetValue(parts[0], out var name))
                settings[name] = parts[1];
        }

        if (show.Details is { } details)
        {
            Add(settings, "quantization", details.QuantizationLevel);
            Add(settings, "model_family", details.Family);
            Add(settings, "parameter_size", details.ParameterSize);
        }
    }

    public static void AddRunning(Dictionary<string, string> settings, RunningModel? running)
    {
        if (running is null)
            return;
        if (running.ContextLength is > 0)
            settings["context_tokens"] = running.ContextLength.ToString(CultureInfo.InvariantCulture);
        if (running.Size > 0 || running.SizeVram > 0)
            settings["gpu_offload"] = Offload(running.SizeVram, running.Size);
    }

    /// <summary>As <c>ollama ps</c> prints its processor column (cmd/cmd.go): CPU share rounded to whole percent.</summary>
    public static string Offload(long sizeVram, long size)
    {
        if (sizeVram == 0)
            return "100% CPU";
        if (sizeVram == size)
            return "100% GPU";
        if (sizeVram > size || size == 0)
            return "Unknown";
        var cpuPercent = (int)Math.Round((double)(size - sizeVram) / size * 100, MidpointRounding.AwayFromZero);
        return $"{cpuPercent}%/{100 - cpuPercent}% CPU/GPU";
    }

    private static void Add(Dictionary<string, string> settings, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            settings[name] = value;
    }
}
