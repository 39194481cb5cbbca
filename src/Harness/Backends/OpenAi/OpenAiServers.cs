using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// What the <c>openai</c> backend says about each OpenAI-compatible server (<see cref="OpenAiFlavors"/>): its name, how to
/// start it, and what to do when it does not serve a model. Facts from shared/reference/inference-servers.md and the
/// projects' documentation (llama.cpp tools/server/README.md; lmstudio.ai/docs; docs.vllm.ai).
/// </summary>
internal static class OpenAiServers
{
    /// <summary>The server's name in messages, e.g. "llama-server".</summary>
    public static string Name(string flavor) => flavor switch
    {
        OpenAiFlavors.LlamaCpp => "llama-server",
        OpenAiFlavors.LmStudio => "LM Studio",
        OpenAiFlavors.Vllm => "vLLM",
        _ => "the OpenAI-compatible server",
    };

    /// <summary>How to start the server (when nothing answers), for a fair measurement (one request at a time).</summary>
    public static string StartHint(string flavor) => flavor switch
    {
        OpenAiFlavors.LlamaCpp => "Start it: llama-server -m <model.gguf> --host 127.0.0.1 --port 8080 --parallel 1 (and Backend:BaseUrl http://127.0.0.1:8080/v1).",
        OpenAiFlavors.LmStudio => "Start LM Studio's server: Developer tab > Start server, or `lms server start` (port 1234; Backend:BaseUrl http://127.0.0.1:1234/v1).",
        OpenAiFlavors.Vllm => "Start it: vllm serve <model> --port 8000 (Backend:BaseUrl http://127.0.0.1:8000/v1).",
        _ => "Start the server (llama-server -m <model.gguf> --port 8080; LM Studio: `lms server start`, port 1234; vLLM: vllm serve <model> --port 8000) " +
             "and point Backend:BaseUrl at its /v1.",
    };

    /// <summary>What to do when <paramref name="model"/> is not among the models the server lists.</summary>
    public static string NotServedHint(string flavor, string model) => flavor switch
    {
        OpenAiFlavors.LmStudio => $"Load it in LM Studio (lms load {model}) or enable JIT loading (Developer > Server settings), or fix the name in Models.",
        OpenAiFlavors.LlamaCpp => "llama-server serves the one model given with -m/--alias: start it with that model " +
            $"(llama-server -m <file.gguf> --alias {model}), or name the model as /v1/models lists it.",
        OpenAiFlavors.Vllm => $"vLLM serves the names given with --served-model-name: start it with --served-model-name {model}, or name the model as /v1/models lists it.",
        _ => "Load the model in the server, or name it in Models exactly as /v1/models lists it.",
    };
}
