namespace SlmEnergyBench.Harness.Backends;

/// <summary>A request failed; the message says what was wrong and what to do.</summary>
public class BackendException : Exception
{
    public BackendException(string message) : base(message) { }

    public BackendException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The server answered with another model than the one requested.</summary>
public sealed class ServedModelMismatchException(string requested, string served, string message)
    : BackendException(message)
{
    public string Requested { get; } = requested;

    public string Served { get; } = served;
}
