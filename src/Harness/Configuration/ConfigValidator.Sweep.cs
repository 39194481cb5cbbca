namespace SlmEnergyBench.Harness.Configuration;

public static partial class ConfigValidator
{
    /// <summary>Most requests a server point keeps in flight (<c>Load:Concurrency</c>).</summary>
    public const int MaxConcurrency = 1024;

    /// <summary>Most sequences the in-process engine decodes together (<c>Embedded:BatchSize</c>).</summary>
    public const int MaxBatchSize = 256;

    /// <summary>
    /// The sweep: each axis's values in range and listed once, named points named (unique, without '/'), and each load axis on
    /// the engine it belongs to: concurrency against servers, batch size and threads in process.
    /// </summary>
    private static void ValidateSweep(BenchOptions o, Checks v)
    {
        var s = o.Sweep;
        v.Range("Load:Concurrency", o.Load.Concurrency, 1, MaxConcurrency);
        v.Range("Embedded:BatchSize", o.Embedded.BatchSize, 1, MaxBatchSize);
        Each(v, "Generation:Temperature", s.Temperature, t => t is >= 0 and <= 2, "0 to 2");
        Each(v, "Generation:MaxTokens", s.MaxTokens, m => m is >= 1 and <= 1_000_000, "1 to 1000000");
        Each(v, "Load:Concurrency", s.Concurrency, c => c is >= 1 and <= MaxConcurrency, $"1 to {MaxConcurrency}");
        Each(v, "Embedded:BatchSize", s.BatchSize, b => b is >= 1 and <= MaxBatchSize, $"1 to {MaxBatchSize}");
        Each(v, "Embedded:Threads", s.Threads, n => n is >= 0 and <= 1024, "0 (all logical cores) to 1024");
        for (var i = 0; i < s.Points.Count; i++)
        {
            var p = s.Points[i];
            var key = $"Sweep:Points:{i}";
            v.That($"{key}:Name", p.Name, !string.IsNullOrWhiteSpace(p.Name) && !p.Name.Contains('/', StringComparison.Ordinal),
                "a non-empty name without '/', e.g. paper batch 64: it names the point's cases and its row in the report");
            if (p.Temperature is { } t)
                v.Range($"{key}:Temperature", t, 0, 2);
            if (p.MaxTokens is { } m)
                v.Range($"{key}:MaxTokens", m, 1, 1_000_000);
            if (p.Concurrency is { } c)
                v.Range($"{key}:Concurrency", c, 1, MaxConcurrency);
            if (p.BatchSize is { } b)
                v.Range($"{key}:BatchSize", b, 1, MaxBatchSize);
            if (p.Threads is { } n)
                v.Range($"{key}:Threads", n, 0, 1024);
        }

        foreach (var dup in s.Points.GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            v.That("Sweep:Points", dup.Key, false, "point names that differ (case aside)");

        var kinds = o.Runtimes.Count == 0 ? [o.Backend.Kind] : o.Runtimes.Select(r => r.Backend.Kind).ToList();
        var inProcess = kinds.Any(k => k == BackendKinds.LlamaSharp);
        var servers = kinds.Any(k => k != BackendKinds.LlamaSharp);
        var points = Sweeps.SweepPlan.Of(o);
        if (inProcess && points.Any(p => p.Concurrency > 1))
            v.That("Load:Concurrency", points.Max(p => p.Concurrency), false,
                "1 with the in-process engine (backend llamasharp), which has no server to load: sweep Embedded:BatchSize, the sequences it decodes together");
        if (servers && points.Any(p => p.BatchSize > 1))
            v.That("Embedded:BatchSize", points.Max(p => p.BatchSize), false,
                "1 with a server backend, whose batching is its own: sweep Load:Concurrency, the requests in flight at once (and start the server with as many slots, e.g. llama-server --parallel 8, OLLAMA_NUM_PARALLEL=8)");
        if (servers && points.Select(p => p.Threads).Distinct().Count() > 1)
            v.That("Embedded:Threads", string.Join(", ", points.Select(p => p.Threads).Distinct()), false,
                "one value with a server backend, whose threads are set where the server starts (e.g. llama-server -t)");
    }

    private static void Each<T>(Checks v, string key, List<T> values, Func<T, bool> ok, string allowed)
    {
        for (var i = 0; i < values.Count; i++)
            v.That($"{key}:{i}", values[i], ok(values[i]), allowed);
        foreach (var dup in values.GroupBy(x => x).Where(g => g.Count() > 1))
            v.That(key, dup.Key, false, "each value once (it is listed " + dup.Count() + " times)");
    }
}
