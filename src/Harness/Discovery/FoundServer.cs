namespace SlmEnergyBench.Harness.Discovery;

/// <summary>An inference server that answered the probe, told apart by its answers (<see cref="ServerIdentifier"/>).</summary>
/// <param name="Kind">One of <see cref="ServerKinds"/>.</param>
/// <param name="RootUrl">Scheme, host and port, e.g. <c>http://127.0.0.1:11434</c>.</param>
/// <param name="ApiBaseUrl">What a profile's <c>Backend:BaseUrl</c> takes: the root for Ollama's native API, <c>root/v1</c> for the others.</param>
/// <param name="Version">The server's version where it gives one (Ollama's and vLLM's <c>version</c>, llama-server's <c>build_info</c>), else null.</param>
/// <param name="Models">The models it serves, by the names requests must use (Ollama's <c>llama3.2:1b</c>, llama-server's alias...).</param>
/// <param name="Problems">What stands in the way of measuring it now (a model still loading: 503; no model pulled or loaded...).</param>
public sealed record FoundServer(string Kind, string RootUrl, string ApiBaseUrl, string? Version, IReadOnlyList<string> Models, IReadOnlyList<string> Problems)
{
    /// <summary>The server's name and version, e.g. "Ollama 0.5.7" or "LM Studio".</summary>
    public string Title => Version is null ? ServerKinds.Title(Kind) : $"{ServerKinds.Title(Kind)} {Version}";
}
