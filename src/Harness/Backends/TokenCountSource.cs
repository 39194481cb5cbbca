namespace SlmEnergyBench.Harness.Backends;

/// <summary>Where a token count came from.</summary>
public enum TokenCountSource
{
    /// <summary>The server's <c>usage</c> object (best effort: GPT4All 3.5.0-3.5.1 reported wrong counts).</summary>
    ServerUsage,

    /// <summary>Counted by the harness from the engine's tokenizer (prompt) or generated tokens (completion).</summary>
    EngineCount,

    /// <summary>The backend gave none; the count is absent.</summary>
    Unavailable,
}
