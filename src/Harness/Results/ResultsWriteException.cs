namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// A run's files could not be created or written (a read-only or full disk): the message names the file, the cause,
/// what is already safe on disk and what to do.
/// </summary>
public sealed class ResultsWriteException : IOException
{
    public ResultsWriteException(string message, Exception inner) : base(message, inner) { }

    public ResultsWriteException(string message) : base(message) { }
}
