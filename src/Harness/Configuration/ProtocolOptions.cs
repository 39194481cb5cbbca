namespace SlmEnergyBench.Harness.Configuration;

public sealed class ProtocolOptions
{
    /// <summary>Unmeasured requests sent to each model before its first measured case (loads the model).</summary>
    public int WarmupRequests { get; set; } = 1;
}
