namespace SlmEnergyBench.Harness.Metering;

/// <summary>A meter could not start, died, or could not cover a window. The message says what to do.</summary>
public sealed class MeterException : Exception
{
    public MeterException(string message) : base(message) { }

    public MeterException(string message, Exception inner) : base(message, inner) { }
}
