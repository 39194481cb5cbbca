namespace SlmEnergyBench.Harness.Configuration;

public sealed class ResultsOptions
{
    /// <summary>Where run folders are created (relative to the repository root). Earlier runs are never touched.</summary>
    public string Directory { get; set; } = "results";

    /// <summary>
    /// The interrupted run to continue instead of starting a new one: a run id (a folder name under <see cref="Directory"/>)
    /// or <c>latest</c>. Set by <c>ENERGYBENCH_RESUME</c> or <c>slmbench run --resume</c>; null starts a new run.
    /// </summary>
    public string? Resume { get; set; }

    /// <summary>
    /// The file whose lock lets one run at a time measure on this machine; empty for the default,
    /// <c>slmenergybench.lock</c> in the system's temporary folder. Tests that open sessions side by side give each its own.
    /// </summary>
    public string MachineLock { get; set; } = "";
}
