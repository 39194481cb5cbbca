using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Runtimes;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>How a session describes itself: the header line, the backends' labels and locations, each runtime's entry in run.json, the edge rule.</summary>
internal static class SessionText
{
    public static string Describe(LoadedConfiguration config, IReadOnlyList<RuntimeBackend> backends, MeterChoice meter, PromptSet prompts, ResultsWriter results)
    {
        var o = config.Options;
        var p = meter.Meter.Provenance;
        var synthetic = o.Models.Any(m => m.StartsWith("synthetic-", StringComparison.Ordinal))
            ? " SYNTHETIC reference models (random weights: gibberish text, real compute)."
            : "";
        var what = o.Runtimes.Count == 0
            ? $"backend {backends[0].Label} at {backends[0].Backend.Location}; models {string.Join(", ", o.Models)};"
            : $"{backends.Count} runtimes: {string.Join("; ", backends.Select(b => $"{b.Runtime} = {b.Label} at {b.Backend.Location}"))}; models {string.Join(", ", o.Models)} ({RunUnits.Models(o).Count} runtime x model units);";
        var points = Sweeps.SweepPlan.Of(o);
        if (points.Count > 1 || points[0].Label.Length > 0)
            what += $" sweep of {points.Count} point(s) per model: {string.Join("; ", points.Select(x => x.Label))};";
        return $"SlmEnergyBench run {results.RunId}: profile '{o.Profile}' ({config.ProfileChosenBy}); " +
               $"{what}{synthetic} " +
               $"meter {p.Meter}, {p.Method.ToString().ToUpperInvariant()}, domains {string.Join("+", p.Domains)} (chosen: {meter.Why}); " +
               $"{prompts.Prompts.Count} prompts per model from {prompts.Source} (sha256 {prompts.Sha256[..Math.Min(12, prompts.Sha256.Length)]}); " +
               $"results in {results.Directory}";
    }

    /// <summary>The label of a run of one runtime opened with a bare backend (tests): the fake's description, or the backend's name.</summary>
    public static string SingleLabel(BenchOptions o, ICompletionBackend backend) =>
        o.Backend.Kind switch
        {
            BackendKinds.FakeGpt4All => "fake GPT4All (in-process WireMock server)",
            BackendKinds.FakeOllama => "fake Ollama (in-process WireMock server)",
            _ => backend.Name,
        };

    /// <summary>The run's backend in words: the one runtime's label, or <c>name = label</c> of each runtime joined with <c>, </c>.</summary>
    public static string BackendLabel(IReadOnlyList<RuntimeBackend> backends) =>
        backends.Count == 1 && backends[0].Runtime is null ? backends[0].Label : string.Join(", ", backends.Select(b => $"{b.Runtime} = {b.Label}"));

    public static string Location(IReadOnlyList<RuntimeBackend> backends) =>
        string.Join(", ", backends.Select(b => b.Backend.Location).Distinct(StringComparer.Ordinal));

    public static RuntimeInfo RuntimeInfo(BenchOptions o, RuntimeBackend b, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> settings)
    {
        var runtime = o.Runtimes.First(r => r.Name == b.Runtime);
        return new RuntimeInfo(runtime.Name, b.Label, runtime.Backend.Kind, b.Backend.Location, runtime.Backend.Endpoint, b.Simulated)
        {
            ModelNames = RunUnits.Of(o).Where(u => u.Runtime == runtime.Name).ToDictionary(u => u.Model, u => runtime.ServedName(u.Model), StringComparer.Ordinal),
            Settings = settings.GetValueOrDefault(runtime.Name) ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
        };
    }

    /// <summary>The run's rule at window edges, for run.json: idle-attributed once a model's idle power is measured, else pro rata.</summary>
    public static string RunEdgeRule(BenchOptions o) => o.Protocol.IdleSeconds > 0
        ? EdgeRules.Describe(EdgeRules.IdleAttributed) + $" Idle is measured for {o.Protocol.IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s (Protocol:IdleSeconds) before each model's cases; a model whose idle could not be measured gets pro rata, and each case record says which rule it got."
        : EdgeRules.Describe(EdgeRules.ProRata) + " Protocol:IdleSeconds = 0 measures no idle power.";
}
