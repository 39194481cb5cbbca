namespace SlmEnergyBench.Harness.Configuration;

public sealed class ProtocolOptions
{
    /// <summary>Unmeasured requests sent to each model before its first measured case (loads the model).</summary>
    public int WarmupRequests { get; set; } = 1;

    /// <summary>
    /// Idle time before each measured request, in milliseconds. At least two meter intervals keeps the
    /// previous request's tail out of this request's first (edge) sample.
    /// </summary>
    public int PauseMs { get; set; } = 250;
}
