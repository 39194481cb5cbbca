namespace SlmEnergyBench.Harness.Statistics;

/// <summary>Statistical verdict of a comparison with a baseline where higher values are worse.</summary>
public enum Verdict
{
    /// <summary>No verdict: no baseline, too few pairs, or unusable data (see the message).</summary>
    NA,

    /// <summary>Not both beyond the threshold and significant.</summary>
    Same,

    /// <summary>Higher than the baseline by more than the threshold, and significant.</summary>
    Worse,

    /// <summary>Lower than the baseline by more than the threshold, and significant.</summary>
    Better,
}
