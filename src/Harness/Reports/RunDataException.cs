namespace SlmEnergyBench.Harness.Reports;

/// <summary>A run folder that cannot be read: the message names the file, the line and what to do.</summary>
public sealed class RunDataException(string message, Exception? inner = null) : Exception(message, inner);
