namespace SlmEnergyBench.Harness.Configuration;

public sealed class GenerationOptions
{
    /// <summary>Sampling temperature, 0 to 2 (GPT4All's range).</summary>
    public double Temperature { get; set; } = 0.7;

    /// <summary>Largest completion, in tokens. Always sent: GPT4All's own default is 16.</summary>
    public int MaxTokens { get; set; } = 1024;

    /// <summary>Sampling seed of the in-process engine (GPT4All's server refuses a seed and never gets one).</summary>
    public uint Seed { get; set; } = 42;

    /// <summary>Optional nucleus sampling; not sent when null.</summary>
    public double? TopP { get; set; }
}
