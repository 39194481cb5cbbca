namespace SlmEnergyBench.Unit.Statistics;

/// <summary>How often simulated comparisons came out each way.</summary>
/// <param name="Runs">Simulated comparisons.</param>
/// <param name="Worse">Comparisons judged <c>Worse</c>.</param>
/// <param name="Better">Comparisons judged <c>Better</c>.</param>
/// <param name="Significant">Comparisons whose Wilcoxon p-value was below 0.01, whatever the ratio.</param>
internal readonly record struct VerdictCounts(int Runs, int Worse, int Better, int Significant)
{
    /// <summary>Worse verdicts as a fraction of the runs.</summary>
    public double WorseRate => (double)Worse / Runs;

    /// <summary>Worse or Better verdicts as a fraction of the runs: false positives when nothing changed.</summary>
    public double FlaggedRate => (double)(Worse + Better) / Runs;

    /// <summary>Runs with p &lt; 0.01 as a fraction of the runs.</summary>
    public double SignificantRate => (double)Significant / Runs;
}
