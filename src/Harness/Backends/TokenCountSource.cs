namespace SlmEnergyBench.Harness.Backends;

/// <summary>Where a token count came from.</summary>
public enum TokenCountSource
{
    /// <summary>The server's <c>usage</c> object (best effort: GPT4All 3.5.0-3.5.1 reported wrong counts).</summary>
    ServerUsage,

    /// <summary>The backend gave none; the count is absent.</summary>
    Unavailable,
}
