namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// One runtime of a multi-runtime run, in <c>run.json</c>: its name (as in case records), label, backend kind, where it ran
/// (base URL, or "llama.cpp in process"), endpoint, and whether it is a stand-in the suite ships.
/// </summary>
public sealed record RuntimeInfo(string Name, string Label, string Kind, string Location, string Endpoint, bool Simulated)
{
    /// <summary>The profile's model name → the name this runtime requested it by.</summary>
    public IReadOnlyDictionary<string, string> ModelNames { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Per profile model name: the settings the server revealed for it (<see cref="Backends.IRevealsSettings"/>: context size, threads,
    /// GPU offload, sampler defaults, version...), as the server stated them. Empty when the server reveals none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Settings { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
