using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Benchmarks.Reports;

/// <summary>
/// The generated runs the report benchmarks read, made once and kept under <c>benchmarks/artifacts/report-runs/</c>
/// (gitignored): BenchmarkDotNet starts a process per benchmark case, and a 10,000-case run takes seconds to write.
/// </summary>
public static class RunCache
{
    /// <summary>Bumped when <see cref="SyntheticRun"/> writes something different, so an old run is made again.</summary>
    public const int Version = 2;

    private const string DoneMarker = "generated";

    /// <summary>
    /// The folder of the generated run of <paramref name="cases"/> cases (<see cref="RunShape.For"/>), written by
    /// <see cref="SyntheticRun.Write"/> when it is not there yet (or an earlier write stopped half-way).
    /// </summary>
    public static string Get(int cases) => Get(Path.Combine(RepositoryPaths.FindRoot(), "benchmarks", "artifacts", "report-runs"), cases);

    /// <summary>As <see cref="Get(int)"/>, under <paramref name="root"/>.</summary>
    public static string Get(string root, int cases)
    {
        var folder = Path.Combine(root, $"{cases}-cases-v{Version}");
        var marker = Path.Combine(folder, DoneMarker);
        if (File.Exists(marker))
            return File.ReadAllText(marker).Trim();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var run = SyntheticRun.Write(folder, RunShape.For(cases));
        File.WriteAllText(marker, run);
        return run;
    }
}
