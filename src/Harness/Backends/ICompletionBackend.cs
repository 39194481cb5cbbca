namespace SlmEnergyBench.Harness.Backends;

/// <summary>A model server (or engine) that turns one prompt into one completion.</summary>
public interface ICompletionBackend
{
    /// <summary>e.g. <c>gpt4all</c>.</summary>
    string Name { get; }

    /// <summary>Where it runs, e.g. the base URL.</summary>
    string Location { get; }

    /// <summary>Whether it answers and knows the models; never hangs (bounded by the probe timeout).</summary>
    Task<Availability> CheckAsync(IReadOnlyList<string> models, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one request and times it on the session clock. Throws <see cref="BackendException"/> with a
    /// message that says what went wrong and what to do (including a served model other than the requested one).
    /// </summary>
    Task<CompletionResult> CompleteAsync(CompletionRequest request, CancellationToken cancellationToken);
}
