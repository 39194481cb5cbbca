namespace SlmEnergyBench.Harness.Discovery;

/// <summary>What one <c>GET</c> of the probe got: an HTTP answer (status, <c>Server</c> header, body) or a failure.</summary>
/// <param name="Path">The path asked, e.g. <c>/v1/models</c>.</param>
/// <param name="Status">The HTTP status, or null when no HTTP answer came (<paramref name="Failure"/> says why).</param>
/// <param name="ServerHeader">The <c>Server</c> response header (llama-server sends <c>llama.cpp</c>), or null.</param>
/// <param name="Body">The body as text (empty when none).</param>
/// <param name="Failure">Why no answer came: connection refused, no answer within the bound, not HTTP...</param>
public sealed record HttpAnswer(string Path, int? Status, string? ServerHeader, string Body, string? Failure)
{
    /// <summary>Whether the server answered 200.</summary>
    public bool IsOk => Status == 200;

    public static HttpAnswer Answered(string path, int status, string? server, string body) => new(path, status, server, body, null);

    public static HttpAnswer Failed(string path, string failure) => new(path, null, null, "", failure);
}
