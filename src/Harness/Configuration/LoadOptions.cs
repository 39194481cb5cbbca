namespace SlmEnergyBench.Harness.Configuration;

/// <summary>How a server is loaded: requests in flight at once. A list at <c>Load:Concurrency</c> is a sweep axis (<see cref="SweepOptions"/>).</summary>
public sealed class LoadOptions
{
    /// <summary>
    /// Requests kept in flight at once against a server (closed loop: a request starts as soon as one ends, until the point's
    /// prompts are done); 1 = one request at a time (the default, and the original study's). In-process, use
    /// <see cref="EmbeddedOptions.BatchSize"/> instead.
    /// </summary>
    public int Concurrency { get; set; } = 1;
}
