namespace SlmEnergyBench.Harness.Configuration;

/// <summary>Regression checks of a run against the accepted baseline of this machine and profile.</summary>
public sealed class RegressionOptions
{
    /// <summary>Where baselines live: <c>&lt;dir&gt;/&lt;machine&gt;/&lt;profile&gt;/&lt;model&gt;.json</c> (relative to the repository root).</summary>
    public string BaselinesDirectory { get; set; } = "fixtures/baselines";

    /// <summary>Practical threshold: worse means more than this fraction worse (0.05 = 5%) ...</summary>
    public double Threshold { get; set; } = 0.05;

    /// <summary>... AND significant at this level (paired Wilcoxon signed-rank test on per-prompt log ratios).</summary>
    public double Alpha { get; set; } = 0.01;

    /// <summary>Each case against its own prompt's baseline: fails beyond this relative difference (a wide net for gross errors).</summary>
    public double CaseTolerance { get; set; } = 0.5;

    /// <summary>Accept this run as the new baseline (set by <c>ENERGYBENCH_ACCEPT_BASELINE=1</c>).</summary>
    public bool Accept { get; set; }
}
