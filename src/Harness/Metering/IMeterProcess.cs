namespace SlmEnergyBench.Harness.Metering;

/// <summary>A meter that runs as a process of its own (powermetrics), so the harness can read that process's CPU time.</summary>
public interface IMeterProcess
{
    /// <summary>The id of the process the meter started (sudo's, when a sudo prefix starts powermetrics); null before it is started.</summary>
    int? ProcessId { get; }
}
