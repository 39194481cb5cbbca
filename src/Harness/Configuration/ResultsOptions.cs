namespace SlmEnergyBench.Harness.Configuration;

public sealed class ResultsOptions
{
    /// <summary>Where run folders are created (relative to the repository root). Earlier runs are never touched.</summary>
    public string Directory { get; set; } = "results";
}
