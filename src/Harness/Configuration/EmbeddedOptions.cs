namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// The in-process llama.cpp engine (backend <c>llamasharp</c>). A model entry is a path to a <c>.gguf</c> file,
/// a GPT4All model name (looked up in <see cref="ModelFolder"/>), or a synthetic reference model (<c>synthetic-*</c>).
/// </summary>
public sealed class EmbeddedOptions
{
    /// <summary>CPU threads for generation; 0 for the machine's logical core count.</summary>
    public int Threads { get; set; }

    /// <summary>
    /// Sequences decoded together in one batch (LLamaSharp's batched executor): the engine keeps this many requests in flight,
    /// starting the next prompt as soon as one answer ends; 1 = one request at a time.
    /// </summary>
    public int BatchSize { get; set; } = 1;

    /// <summary>Context window in tokens.</summary>
    public int ContextTokens { get; set; } = 2048;

    /// <summary>GPT4All's model folder; empty for the platform's default location.</summary>
    public string ModelFolder { get; set; } = "";

    /// <summary>Where synthetic reference models are written and cached (relative to the repository root).</summary>
    public string SyntheticCacheDirectory { get; set; } = ".cache/models";
}
