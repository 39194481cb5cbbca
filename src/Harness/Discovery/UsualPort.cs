namespace SlmEnergyBench.Harness.Discovery;

/// <summary>A port where a local inference server usually listens, and which one (<see cref="ServerKinds"/>).</summary>
/// <param name="Port">The TCP port on 127.0.0.1.</param>
/// <param name="UsualKind">The server that listens there by default; what really answers is told from its answers.</param>
public sealed record UsualPort(int Port, string UsualKind)
{
    /// <summary>
    /// GPT4All 4891, Ollama 11434, llama.cpp's <c>llama-server</c> 8080 (its default for years) and 9931 (its default in
    /// 2026 builds), LM Studio 1234, vLLM 8000: each server's documented default (../shared/reference/inference-servers.md).
    /// </summary>
    public static readonly IReadOnlyList<UsualPort> Defaults =
    [
        new(4891, ServerKinds.Gpt4All),
        new(11434, ServerKinds.Ollama),
        new(8080, ServerKinds.LlamaCpp),
        new(9931, ServerKinds.LlamaCpp),
        new(1234, ServerKinds.LmStudio),
        new(8000, ServerKinds.Vllm),
    ];
}
