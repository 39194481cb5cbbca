namespace SlmEnergyBench.Harness.Resume;

/// <summary>A run cannot be resumed: the message says which run, what differs or is missing, and what to do.</summary>
public sealed class ResumeException(string message) : Exception(message);
