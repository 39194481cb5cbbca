using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// Opens a session against a given backend with a meter whose energy is exact (a constant 12 W: cpu 2 W + gpu 10 W,
/// in 50 ms samples), and reads its <c>cases.jsonl</c> back as written.
/// </summary>
internal static class FaultSession
{
    /// <summary>The scripted 12 W meter on <paramref name="clock"/>.</summary>
    public static ScriptedPowerMeter Meter(SessionClock clock) =>
        new(clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Gpu] = 10 }), periodS: 0.05);

    /// <summary>A session whose parts are <paramref name="backend"/> and <paramref name="meter"/> (default: the scripted 12 W meter).</summary>
    public static Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, SessionClock clock, ICompletionBackend backend, IReadOnlyList<IDisposable> owned,
        CancellationToken ct, Func<SessionClock, IPowerMeter>? meter = null) =>
        BenchmarkSession.OpenAsync(config, clock, backend,
            (_, _) => Task.FromResult(new MeterChoice((meter ?? Meter)(clock), "a stand-in for the test")), owned, ct);

    /// <summary>
    /// Waits until <paramref name="meter"/> has had no new sample for 0.2 s (four looks 50 ms apart): the fake has stopped
    /// or stalled, however late a busy machine let it see its file. At most 10 s.
    /// </summary>
    public static async Task WaitUntilQuietAsync(IPowerMeter meter, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        for (var (count, quiet) = (meter.Samples.Count, 0); quiet < 4 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(50, ct);
            var now = meter.Samples.Count;
            (count, quiet) = (now, now == count ? quiet + 1 : 0);
        }
    }

    /// <summary>Waits until <paramref name="meter"/> holds more than <paramref name="count"/> samples; at most 10 s.</summary>
    public static async Task WaitForSamplesAsync(IPowerMeter meter, int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (meter.Samples.Count <= count && DateTime.UtcNow < deadline)
            await Task.Delay(10, ct);
    }

    /// <summary>GPT4All's model list serving <paramref name="models"/>.</summary>
    public static string ModelList(params string[] models) =>
        JsonSerializer.Serialize(new { data = models.Select(m => new { id = m, @object = "model" }), @object = "list" });

    /// <summary>The <c>prompt</c> of a completion request's body, or null for another body.</summary>
    public static string? PromptOf(string body)
    {
        if (body.Length == 0)
            return null;
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("prompt", out var prompt) ? prompt.GetString() : null;
    }

    /// <summary>The lines of the run's <c>cases.jsonl</c> exactly as on disk (the writer may still hold it open).</summary>
    public static IReadOnlyList<string> CaseLines(string runDirectory) => Lines(Path.Combine(runDirectory, "cases.jsonl"));

    /// <summary>The lines of a file exactly as on disk, read while a writer may still hold it open.</summary>
    public static IReadOnlyList<string> Lines(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The <c>outcome</c> and first problem of each line of <c>cases.jsonl</c>.</summary>
    public static IReadOnlyList<(string Outcome, string? Problem)> Outcomes(string runDirectory) =>
        [.. CaseLines(runDirectory).Select(l =>
        {
            using var record = JsonDocument.Parse(l);
            var problems = record.RootElement.GetProperty("problems");
            return (record.RootElement.GetProperty("outcome").GetString()!, problems.GetArrayLength() > 0 ? problems[0].GetString() : null);
        })];
}
