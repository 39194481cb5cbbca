namespace SlmEnergyBench.Harness.Discovery;

/// <summary>What answers at one address: an inference server, or why none (<see cref="Nothing"/>).</summary>
/// <param name="RootUrl">Scheme, host and port asked, e.g. <c>http://127.0.0.1:8080</c>.</param>
/// <param name="Port">The TCP port.</param>
/// <param name="UsualKind">The server that usually listens on this port (<see cref="UsualPort"/>), or null for a port that a profile names.</param>
/// <param name="Server">The server that answered, or null.</param>
/// <param name="Nothing">Why no server was found, e.g. "connection refused" or "no answer within 1 s"; null when <paramref name="Server"/> is set.</param>
public sealed record PortReport(string RootUrl, int Port, string? UsualKind, FoundServer? Server, string? Nothing);
