namespace SlmEnergyBench.Harness.Configuration;

/// <summary>One named point of <c>Sweep:Points</c>; a value left out is the profile's setting (the first value of its axis).</summary>
public sealed class SweepPointOptions
{
    /// <summary>The point's name in test names, records and reports, e.g. <c>paper batch 64</c>; must not contain '/'.</summary>
    public string Name { get; set; } = "";

    /// <summary>Sampling temperature, 0 to 2.</summary>
    public double? Temperature { get; set; }

    /// <summary>Largest completion in tokens.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Requests in flight at once against a server.</summary>
    public int? Concurrency { get; set; }

    /// <summary>Sequences the in-process engine decodes together.</summary>
    public int? BatchSize { get; set; }

    /// <summary>CPU threads of the in-process engine; 0 = all logical cores.</summary>
    public int? Threads { get; set; }
}
