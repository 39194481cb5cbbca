namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// Checks every key before anything runs. Each problem is one message: the key, its value, where it
/// was set, and what is allowed.
/// </summary>
public static partial class ConfigValidator
{
    public static void ThrowIfInvalid(BenchOptions o, Func<string, string> sourceOf)
    {
        var problems = Validate(o, sourceOf);
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }

    public static IReadOnlyList<string> Validate(BenchOptions o, Func<string, string> sourceOf)
    {
        var v = new Checks(sourceOf);

        ValidateBackend("Backend", o.Backend, v);
        v.Range("Backend:ProbeTimeoutSeconds", o.Backend.ProbeTimeoutSeconds, 0.1, 600);

        v.That("Models", "[]", o.Models.Count > 0, "at least one model name");
        for (var i = 0; i < o.Models.Count; i++)
            v.That($"Models:{i}", o.Models[i], !string.IsNullOrWhiteSpace(o.Models[i]), "a non-empty model name");
        foreach (var dup in o.Models.GroupBy(m => m, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            v.That("Models", dup.Key, false, "each model once (it is listed " + dup.Count() + " times)");

        v.That("Prompts:Source", o.Prompts.Source, !string.IsNullOrWhiteSpace(o.Prompts.Source) &&
            (!o.Prompts.Source.Contains("://", StringComparison.Ordinal) || IsHttpUrl(o.Prompts.Source)),
            "an http(s) URL or a file path");
        v.That("Prompts:Sha256", o.Prompts.Sha256, o.Prompts.Sha256.Length == 0 ||
            (o.Prompts.Sha256.Length == 64 && o.Prompts.Sha256.All(Uri.IsHexDigit)), "empty or 64 hexadecimal digits");
        v.That("Prompts:CacheDirectory", o.Prompts.CacheDirectory, !string.IsNullOrWhiteSpace(o.Prompts.CacheDirectory), "a folder path");
        v.Range("Prompts:Pool", o.Prompts.Pool, 1, 10_000_000);
        v.Range("Prompts:Count", o.Prompts.Count, 1, Math.Max(1, o.Prompts.Pool), $"1 to Prompts:Pool ({o.Prompts.Pool})");
        v.OneOf("Prompts:Selection", o.Prompts.Selection, PromptSelections.All);

        v.Range("Generation:Temperature", o.Generation.Temperature, 0, 2);
        v.Range("Generation:MaxTokens", o.Generation.MaxTokens, 1, 1_000_000);
        if (o.Generation.TopP is { } topP)
            v.That("Generation:TopP", topP, topP > 0 && topP <= 1, "greater than 0 and at most 1, or absent");

        v.Range("Protocol:WarmupRequests", o.Protocol.WarmupRequests, 0, 100);
        v.That("Protocol:WarmupPrompt", o.Protocol.WarmupPrompt,
            !string.IsNullOrWhiteSpace(o.Protocol.WarmupPrompt) && o.Protocol.WarmupPrompt.Length <= ProtocolOptions.MaxWarmupPromptLength,
            $"a non-empty prompt of at most {ProtocolOptions.MaxWarmupPromptLength} characters (default \"{ProtocolOptions.DefaultWarmupPrompt}\")");
        v.Range("Protocol:PauseMs", o.Protocol.PauseMs, 0, 600_000);
        v.Range("Protocol:Repetitions", o.Protocol.Repetitions, 1, 1000);
        v.Range("Protocol:IdleSeconds", o.Protocol.IdleSeconds, 0, 3600);
        v.Range("Protocol:IdleDriftPercent", o.Protocol.IdleDriftPercent, 0, 1000);
        v.That("Protocol:MeterOverheadSeconds", o.Protocol.MeterOverheadSeconds,
            o.Protocol.MeterOverheadSeconds == 0 || (o.Protocol.MeterOverheadSeconds >= Overhead.MeterOverheadProbe.MinimumPhaseS && o.Protocol.MeterOverheadSeconds <= 3600),
            $"0 (off) or {Overhead.MeterOverheadProbe.MinimumPhaseS} to 3600 seconds per phase");

        v.OneOf("Meter:Kind", o.Meter.Kind, MeterKinds.All);
        v.Range("Meter:IntervalMs", o.Meter.IntervalMs, 10, 60_000);
        if (o.Meter.Kind == MeterKinds.Powermetrics)
            v.That("Meter:Command", o.Meter.Command, !string.IsNullOrWhiteSpace(o.Meter.Command), "the path of the powermetrics executable");
        v.Positive("Meter:Estimate:TdpW", o.Meter.Estimate.TdpW);
        v.That("Meter:Estimate:IdleW", o.Meter.Estimate.IdleW, o.Meter.Estimate.IdleW >= 0 && o.Meter.Estimate.IdleW < o.Meter.Estimate.TdpW,
            $"0 or more and below Meter:Estimate:TdpW ({o.Meter.Estimate.TdpW})");

        if (o.Backend.Kind == BackendKinds.LlamaSharp)
        {
            v.Range("Embedded:Threads", o.Embedded.Threads, 0, 1024, "0 (all logical cores) to 1024");
            v.Range("Embedded:ContextTokens", o.Embedded.ContextTokens, 16, 1_048_576);
            v.That("Embedded:SyntheticCacheDirectory", o.Embedded.SyntheticCacheDirectory, !string.IsNullOrWhiteSpace(o.Embedded.SyntheticCacheDirectory), "a folder path");
        }
        v.Range("Meter:StartTimeoutSeconds", o.Meter.StartTimeoutSeconds, 0.1, 600);
        v.That("Meter:MinCoverage", o.Meter.MinCoverage, o.Meter.MinCoverage > 0 && o.Meter.MinCoverage <= 1, "greater than 0 and at most 1");
        v.Range("Meter:MaxPlausiblePowerW", o.Meter.MaxPlausiblePowerW, 1, 100_000);
        if (o.Meter.Kind == MeterKinds.Prometheus)
        {
            ValidatePrometheus(o.Meter.Prometheus, v);
            v.That("Protocol:MeterOverheadSeconds", o.Protocol.MeterOverheadSeconds, o.Protocol.MeterOverheadSeconds == 0,
                "0 with Meter:Kind = prometheus: the overhead probe compares the meter at two intervals, and this meter's interval is Prometheus's " +
                "scrape interval, which the suite does not set (what reading costs the node is the exporter's and Prometheus's own work)");
        }

        v.That("Results:Directory", o.Results.Directory, !string.IsNullOrWhiteSpace(o.Results.Directory), "a folder path");
        v.That("Regression:BaselinesDirectory", o.Regression.BaselinesDirectory, !string.IsNullOrWhiteSpace(o.Regression.BaselinesDirectory), "a folder path");
        v.That("Regression:Threshold", o.Regression.Threshold, o.Regression.Threshold > 0 && o.Regression.Threshold < 1, "greater than 0 and below 1 (0.05 = 5%)");
        v.That("Regression:Alpha", o.Regression.Alpha, o.Regression.Alpha > 0 && o.Regression.Alpha < 0.5, "greater than 0 and below 0.5");
        v.Positive("Regression:CaseTolerance", o.Regression.CaseTolerance);

        if (BackendKinds.IsFake(o.Backend.Kind))
            ValidateFake(o.Fake, v, gpt4All: o.Backend.Kind == BackendKinds.FakeGpt4All);
        ValidateRuntimes(o, v);
        ValidateSweep(o, v);

        return v.Problems;
    }

    /// <summary>Each runtime of a multi-runtime run: a unique name without '/', a known backend kind, model names of the profile's models.</summary>
    private static void ValidateRuntimes(BenchOptions o, Checks v)
    {
        for (var i = 0; i < o.Runtimes.Count; i++)
        {
            var r = o.Runtimes[i];
            var key = $"Runtimes:{i}";
            v.That($"{key}:Name", r.Name, !string.IsNullOrWhiteSpace(r.Name) && !r.Name.Contains('/', StringComparison.Ordinal) && r.Name.Trim() == r.Name,
                "a non-empty runtime name without '/' or surrounding spaces, e.g. ollama or llama-server");
            ValidateBackend($"{key}:Backend", r.Backend, v);
            foreach (var model in r.ModelNames.Keys.Concat(r.Models).Where(m => !o.Models.Contains(m, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
                v.That($"{key}:ModelNames", model, false, "names of the profile's Models (" + string.Join(", ", o.Models) + "): the runtimes are lined up by them");
            if (r.Fake is not null && BackendKinds.IsFake(r.Backend.Kind))
                ValidateFake(r.Fake, v, gpt4All: r.Backend.Kind == BackendKinds.FakeGpt4All);
        }

        foreach (var dup in o.Runtimes.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            v.That("Runtimes", dup.Key, false, "runtime names that differ (case aside): each names its cases and its column in the report");
        if (o.Runtimes.Count > 0 && o.Runtimes.All(r => r.Models.Count > 0) && !o.Models.All(m => o.Runtimes.Any(r => r.Models.Contains(m, StringComparer.Ordinal))))
            v.That("Runtimes", string.Join(", ", o.Models.Where(m => !o.Runtimes.Any(r => r.Models.Contains(m, StringComparer.Ordinal)))), false,
                "every model of Models on at least one runtime (a runtime's empty Models list means all of them)");
    }

    /// <summary>One backend section (the profile's <c>Backend</c>, or a runtime's) under <paramref name="key"/>: its kind and what that kind needs.</summary>
    private static void ValidateBackend(string key, BackendOptions b, Checks v)
    {
        v.OneOf($"{key}:Kind", b.Kind, BackendKinds.All);
        var example = b.Kind switch
        {
            BackendKinds.Gpt4All => "http://127.0.0.1:4891/v1",
            BackendKinds.Ollama => "http://127.0.0.1:11434 (Ollama's, without /v1 or /api)",
            BackendKinds.OpenAi => "http://127.0.0.1:8080/v1",
            _ => null,
        };
        if (example is not null)
            v.That($"{key}:BaseUrl", b.BaseUrl, IsHttpUrl(b.BaseUrl), "an absolute http:// or https:// URL such as " + example);
        if (b.Kind == BackendKinds.OpenAi)
            v.OneOf($"{key}:Flavor", b.Flavor, OpenAiFlavors.All);
        if (b.Kind == BackendKinds.FakeOpenAi)
            v.OneOf($"{key}:Flavor", b.Flavor, [OpenAiFlavors.LlamaCpp, OpenAiFlavors.LmStudio, OpenAiFlavors.Vllm]);
        if (b.Kind is BackendKinds.OpenAi or BackendKinds.FakeOpenAi)
            v.Range($"{key}:LoadWaitSeconds", b.LoadWaitSeconds, 0, 86_400);
        if (b.Kind is BackendKinds.Ollama or BackendKinds.FakeOllama)
            v.That($"{key}:KeepAlive", b.KeepAlive, Backends.Ollama.OllamaKeepAlive.TryParse(b.KeepAlive) is not null,
                "a duration Ollama accepts: a number of seconds (-1 = forever) or a Go duration such as 30m or 1h");
        v.OneOf($"{key}:Endpoint", b.Endpoint, Endpoints.All);
        v.Range($"{key}:TimeoutSeconds", b.TimeoutSeconds, 1, 86_400);
    }

    private static void ValidateFake(FakeOptions f, Checks v, bool gpt4All)
    {
        v.That("Fake:Models", "[]", f.Models.Count > 0, "at least one fake model");
        for (var i = 0; i < f.Models.Count; i++)
        {
            var m = f.Models[i];
            v.That($"Fake:Models:{i}:Name", m.Name, !string.IsNullOrWhiteSpace(m.Name), "a non-empty model name");
            v.Positive($"Fake:Models:{i}:TokensPerSecond", m.TokensPerSecond);
            v.Range($"Fake:Models:{i}:ActiveCpuPowerW", m.ActiveCpuPowerW, 0, 10_000);
            v.Range($"Fake:Models:{i}:ActiveGpuPowerW", m.ActiveGpuPowerW, 0, 10_000);
            v.Range($"Fake:Models:{i}:LoadSeconds", m.LoadSeconds, 0, 3600);
            if (m.PrefillCpuPowerW is { } prefillCpu)
                v.Range($"Fake:Models:{i}:PrefillCpuPowerW", prefillCpu, 0, 10_000);
            if (m.PrefillGpuPowerW is { } prefillGpu)
                v.Range($"Fake:Models:{i}:PrefillGpuPowerW", prefillGpu, 0, 10_000);
        }

        // GPT4All answers an unknown name with its default model; Ollama answers 404, so the fake Ollama has no default.
        if (gpt4All)
            v.That("Fake:DefaultModel", f.DefaultModel, f.Models.Any(m => string.Equals(m.Name, f.DefaultModel, StringComparison.Ordinal)),
                "exactly the name of one of Fake:Models (" + string.Join(", ", f.Models.Select(m => m.Name)) + ")");
        v.Positive("Fake:PrefillTokensPerSecond", f.PrefillTokensPerSecond);
        v.Range("Fake:ContextTokens", f.ContextTokens, 1, 10_000_000);
        v.Range("Fake:IdleCpuPowerW", f.IdleCpuPowerW, 0, 10_000);
        v.Range("Fake:IdleGpuPowerW", f.IdleGpuPowerW, 0, 10_000);
        v.Positive("Fake:SpeedFactor", f.SpeedFactor);
        v.Positive("Fake:PowerFactor", f.PowerFactor);
        v.Range("Fake:NoisePercent", f.NoisePercent, 0, 20);
        foreach (var (key, value, allowed) in Fakes.Slots.FakeSlotCurve.Problems(f, oneAtATime: gpt4All))
            v.That(key, value, false, allowed);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private sealed class Checks(Func<string, string> sourceOf)
    {
        public List<string> Problems { get; } = [];

        public void That(string key, object? value, bool ok, string allowed)
        {
            if (!ok)
                Problems.Add($"{key} = {Format(value)} ({sourceOf(key)}): allowed {allowed}.");
        }

        public void OneOf(string key, string value, string[] allowed) =>
            That(key, value, allowed.Contains(value, StringComparer.Ordinal), "one of " + string.Join(", ", allowed));

        public void Range(string key, double value, double min, double max, string? allowed = null) =>
            That(key, value, value >= min && value <= max, allowed ?? $"{Format(min)} to {Format(max)}");

        public void Positive(string key, double value) => That(key, value, value > 0 && double.IsFinite(value), "a number greater than 0");

        private static string Format(object? value) => value switch
        {
            null => "(empty)",
            string s => $"'{s}'",
            double d => d.ToString("G", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "(empty)",
        };
    }
}
