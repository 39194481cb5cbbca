namespace SlmEnergyBench.Unit.Faults;

/// <summary>One HTTP request as <see cref="RawHttpServer"/> read it: method, path and body (UTF-8).</summary>
internal sealed record RawRequest(string Method, string Path, string Body);
