namespace SlmEnergyBench.Harness.Configuration;

/// <summary>The whole configuration of one profile (a section of <c>energybench.json</c> plus overrides).</summary>
public sealed class BenchOptions
{
    /// <summary>The profile these options came from (filled by the loader).</summary>
    public string Profile { get; set; } = "";

    public BackendOptions Backend { get; set; } = new();

    /// <summary>
    /// Several runtimes in one run (runtime as an axis): each measures the models through its own backend, and cases are named
    /// runtime / model / prompt. Empty = one runtime, <see cref="Backend"/>, and cases named model / prompt.
    /// </summary>
    public List<RuntimeOptions> Runtimes { get; set; } = [];

    /// <summary>The in-process llama.cpp engine (backend <c>llamasharp</c>).</summary>
    public EmbeddedOptions Embedded { get; set; } = new();

    /// <summary>Model names as the backend knows them (GPT4All display names or file names).</summary>
    public List<string> Models { get; set; } = [];

    public PromptOptions Prompts { get; set; } = new();

    public GenerationOptions Generation { get; set; } = new();

    /// <summary>Requests in flight at once against a server (<c>Load:Concurrency</c>).</summary>
    public LoadOptions Load { get; set; } = new();

    /// <summary>The sweep's axes and named points (<see cref="Sweeps.SweepPlan"/>); empty = one point, the settings themselves.</summary>
    public SweepOptions Sweep { get; set; } = new();

    public ProtocolOptions Protocol { get; set; } = new();

    public MeterOptions Meter { get; set; } = new();

    public ResultsOptions Results { get; set; } = new();

    /// <summary>Regression checks against baselines.</summary>
    public RegressionOptions Regression { get; set; } = new();

    /// <summary>Behaviour of the fake backend and fake meter (profile <c>fake</c>).</summary>
    public FakeOptions Fake { get; set; } = new();
}
