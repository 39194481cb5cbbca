namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// One runtime of a multi-runtime run (<see cref="BenchOptions.Runtimes"/>): a backend with its own name, measuring the
/// profile's <see cref="BenchOptions.Models"/> under the names this runtime knows them by.
/// </summary>
public sealed class RuntimeOptions
{
    /// <summary>The runtime's name in case names, records and reports, e.g. <c>ollama</c> or <c>llama-server</c>; unique in the run.</summary>
    public string Name { get; set; } = "";

    /// <summary>The backend (its <c>Kind</c>, <c>BaseUrl</c>, ...), as the profile's <c>Backend</c> section.</summary>
    public BackendOptions Backend { get; set; } = new();

    /// <summary>
    /// The name each model of <see cref="BenchOptions.Models"/> has on this runtime, e.g. "Llama 3.2 1B Instruct" → "llama3.2:1b"
    /// for Ollama; a model not listed is requested by its own name. The report lines runtimes up by the profile's model names.
    /// </summary>
    public Dictionary<string, string> ModelNames { get; set; } = [];

    /// <summary>Only these of the profile's models run on this runtime; empty = all of them.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>The fake's speeds and powers when <see cref="BackendOptions.Kind"/> is a fake; null = the profile's <c>Fake</c> section.</summary>
    public FakeOptions? Fake { get; set; }

    /// <summary>The name this runtime requests <paramref name="model"/> by.</summary>
    public string ServedName(string model) => ModelNames.TryGetValue(model, out var name) && !string.IsNullOrWhiteSpace(name) ? name : model;
}
