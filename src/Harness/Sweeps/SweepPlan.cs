using System.Globalization;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>The points a configuration sweeps, in the order they run.</summary>
public static class SweepPlan
{
    /// <summary>
    /// <c>Sweep:Points</c> when given (each unset value is the setting's), else the grid of the axes in the order temperature x
    /// max tokens x concurrency x batch size x threads (the last varies fastest); an empty axis is its setting's one value. Labels
    /// name the axes that vary across the points, plus the load when it is above 1 (e.g. <c>temperature 1.4, concurrency 8</c>);
    /// a run of one point at one request at a time has the empty label.
    /// </summary>
    public static IReadOnlyList<SweepPoint> Of(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = options.Sweep;
        if (s.Points.Count > 0)
        {
            return [.. s.Points.Select(p => new SweepPoint(p.Name.Trim(),
                p.Temperature ?? options.Generation.Temperature,
                p.MaxTokens ?? options.Generation.MaxTokens,
                p.Concurrency ?? options.Load.Concurrency,
                p.BatchSize ?? options.Embedded.BatchSize,
                p.Threads ?? options.Embedded.Threads))];
        }

        var temperatures = Axis(s.Temperature, options.Generation.Temperature);
        var maxTokens = Axis(s.MaxTokens, options.Generation.MaxTokens);
        var concurrency = Axis(s.Concurrency, options.Load.Concurrency);
        var batch = Axis(s.BatchSize, options.Embedded.BatchSize);
        var threads = Axis(s.Threads, options.Embedded.Threads);
        var points = new List<SweepPoint>();
        foreach (var t in temperatures)
        {
            foreach (var m in maxTokens)
            {
                foreach (var c in concurrency)
                {
                    foreach (var b in batch)
                    {
                        foreach (var n in threads)
                        {
                            var parts = new List<string>();
                            if (temperatures.Count > 1)
                                parts.Add(Text($"temperature {t}"));
                            if (maxTokens.Count > 1)
                                parts.Add(Text($"max tokens {m}"));
                            if (concurrency.Count > 1 || c > 1)
                                parts.Add(Text($"concurrency {c}"));
                            if (batch.Count > 1 || b > 1)
                                parts.Add(Text($"batch {b}"));
                            if (threads.Count > 1)
                                parts.Add(n == 0 ? "threads all" : Text($"threads {n}"));
                            points.Add(new SweepPoint(string.Join(", ", parts), t, m, c, b, n));
                        }
                    }
                }
            }
        }

        return points;
    }

    private static List<T> Axis<T>(List<T> values, T setting) => values.Count > 0 ? values : [setting];

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
