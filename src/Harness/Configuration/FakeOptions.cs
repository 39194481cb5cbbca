namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// The fake GPT4All server and fake powermetrics of profile <c>fake</c>. Speeds and powers are settings,
/// so a test or a user can simulate a slower or hungrier model.
/// </summary>
public sealed class FakeOptions
{
    /// <summary>The model the fake serves when the requested name is unknown (GPT4All's silent fallback).</summary>
    public string DefaultModel { get; set; } = "Llama 3.2 1B Instruct";

    /// <summary>Models the fake server knows, with their speed and power.</summary>
    public List<FakeModelOptions> Models { get; set; } = [];

    /// <summary>Prompt processing speed, tokens per second.</summary>
    public double PrefillTokensPerSecond { get; set; } = 2000;

    /// <summary>Context window in tokens; a longer prompt gets GPT4All's 500 with an empty body.</summary>
    public int ContextTokens { get; set; } = 2048;

    /// <summary>CPU power while idle, watts (what the fake powermetrics reports outside requests).</summary>
    public double IdleCpuPowerW { get; set; } = 0.6;

    /// <summary>GPU power while idle, watts.</summary>
    public double IdleGpuPowerW { get; set; } = 0.05;

    /// <summary>Multiplies every model's generation speed (0.9 = 10% slower).</summary>
    public double SpeedFactor { get; set; } = 1.0;

    /// <summary>Multiplies every model's active power (1.1 = 10% hungrier).</summary>
    public double PowerFactor { get; set; } = 1.0;

    /// <summary>
    /// Random run-to-run jitter, percent (standard deviation): each request's speed and power are multiplied by
    /// independent factors 1 + N(0, NoisePercent/100), as real machines vary. 0 = perfectly repeatable.
    /// </summary>
    public double NoisePercent { get; set; }

    /// <summary>Seed of that jitter; 0 draws a new seed every run (as a real machine would).</summary>
    public int NoiseSeed { get; set; }

    /// <summary>
    /// Requests the fake Ollama and the fake OpenAI-compatible servers generate at once (1 to 1024), like llama-server's
    /// <c>--parallel N</c> or Ollama's <c>OLLAMA_NUM_PARALLEL</c>; more wait in a first-come-first-served queue until a slot frees.
    /// 1 (the default) = one at a time. The fake GPT4All always answers one at a time (GPT4All's server does), so it takes only 1.
    /// </summary>
    public int Slots { get; set; } = 1;

    /// <summary>
    /// How speed and power change as slots fill: with n streams active (from when a request gets its slot, prefill included, to
    /// its last token), EACH stream decodes at TokensPerSecond x <see cref="SpeedFactor"/> x SpeedFactor(n) tokens/s, and the
    /// server's power while generating (the model's ActiveCpuPowerW and ActiveGpuPowerW, x <see cref="PowerFactor"/>, x the
    /// request's jitter) is multiplied by PowerFactor(n), the total for the server. Points in increasing
    /// <see cref="FakeSlotPoint.Active"/>, interpolated linearly, the end values beyond them; empty (the default) = factors 1 at
    /// every n. The truth it implies: <c>Fakes.Slots.FakeSlotCurve</c>.
    /// </summary>
    public List<FakeSlotPoint> SlotCurve { get; set; } = [];

    /// <summary>The fake energy exporter scraped by a real Prometheus, for a fake run with <c>Meter:Kind = prometheus</c>.</summary>
    public FakeExporterOptions Exporter { get; set; } = new();
}

public sealed class FakeModelOptions
{
    /// <summary>The display name: what the fake lists and answers with, as GPT4All does.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The model's file name, which the fake also accepts as a request's <c>model</c> (as GPT4All does); empty means
    /// the file GPT4All's catalogue gives the display name, or none when it is not in the catalogue.
    /// </summary>
    public string FileName { get; set; } = "";

    /// <summary>Decode speed, tokens per second.</summary>
    public double TokensPerSecond { get; set; } = 100;

    /// <summary>CPU power while this model generates, watts.</summary>
    public double ActiveCpuPowerW { get; set; } = 1.5;

    /// <summary>GPU power while this model generates, watts.</summary>
    public double ActiveGpuPowerW { get; set; } = 15;

    /// <summary>
    /// Seconds a streaming fake (fake Ollama) takes to load this model the first time it is used and again after its
    /// <c>keep_alive</c> expired, reported as <c>load_duration</c>; 0 = always loaded. GPT4All's fake ignores it.
    /// </summary>
    public double LoadSeconds { get; set; }

    /// <summary>CPU power while this model loads or processes the prompt (prefill), watts; null = <see cref="ActiveCpuPowerW"/>.</summary>
    public double? PrefillCpuPowerW { get; set; }

    /// <summary>GPU power while this model loads or processes the prompt (prefill), watts; null = <see cref="ActiveGpuPowerW"/>.</summary>
    public double? PrefillGpuPowerW { get; set; }
}
