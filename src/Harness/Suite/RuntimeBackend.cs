using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// One runtime's backend in a session: <paramref name="Runtime"/> (null in a run of one runtime), the client, the label the
/// header, run.json and reports show (e.g. <c>ollama</c> or <c>fake Ollama (in-process WireMock server)</c>), whether it is a
/// stand-in the suite ships (<paramref name="Simulated"/>), and for a streaming fake the log of what it scripted.
/// </summary>
public sealed record RuntimeBackend(string? Runtime, ICompletionBackend Backend, string Label, bool Simulated, FakeScriptLog? Script = null);
