using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Benchmarks.Reports;
using SlmEnergyBench.Harness.Reports.Merge;
using SlmEnergyBench.Harness.SeedStudy;
using SlmEnergyBench.Unit.SeedStudy;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>
/// Three real runs, each made as the product makes it, in a fresh temporary folder: a copy of the fixed fake-profile run
/// (fake backend, SIMULATED powermetrics, 3 models), a generated synthetic run (<see cref="SyntheticRun"/>: 2 models x 5 prompts x
/// 2 repetitions, its 18th case timed out; the same machine and meter as the fake run, in its manifest), and the seed study's
/// two-record fixture imported (<see cref="SeedStudyImport"/>: IMPORTED, the study's M1 Pro), named Llama 3.2 1B Instruct so
/// that model is on all three machines.
/// </summary>
internal sealed class ThreeMachines
{
    /// <summary>The imported run's start: its run id is 20261126-120000-seed-import.</summary>
    public static readonly DateTimeOffset ImportedAt = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public const string SharedModel = "Llama 3.2 1B Instruct";

    private ThreeMachines(string root, string fake, string synthetic, string seed)
    {
        Root = root;
        Fake = fake;
        Synthetic = synthetic;
        Seed = seed;
    }

    /// <summary>The temporary folder that holds the three runs (and nothing else).</summary>
    public string Root { get; }

    public string Fake { get; }

    public string Synthetic { get; }

    public string Seed { get; }

    /// <summary>The three run folders, fake, synthetic, seed.</summary>
    public IReadOnlyList<string> Folders => [Fake, Synthetic, Seed];

    public static ThreeMachines Make()
    {
        var root = Directory.CreateTempSubdirectory("slmbench-merge-").FullName;
        var fake = Path.Combine(root, ReportFixtures.FakeRunId);
        Directory.CreateDirectory(fake);
        foreach (var file in Directory.GetFiles(ReportFixtures.FakeRun))
            File.Copy(file, Path.Combine(fake, Path.GetFileName(file)));
        var synthetic = SyntheticRun.Write(root, new RunShape(2, 5, 2));
        var seed = SeedStudyImport.Import(SeedStudyTestFiles.Fixture, root, SharedModel, new FakeTimeProvider(ImportedAt));
        return new ThreeMachines(root, fake, synthetic, seed);
    }

    /// <summary>
    /// The three runs read and merged as <c>slmbench merge</c> does, given as the stable names <c>fake</c>, <c>synthetic</c> and
    /// <c>seed</c> (so the report's text does not depend on the temporary folder).
    /// </summary>
    public MergedRuns Merge(params LabelOverride[] labels)
    {
        var folders = new Dictionary<string, string> { ["fake"] = Fake, ["synthetic"] = Synthetic, ["seed"] = Seed };
        return MergeReader.Read(["fake", "synthetic", "seed"], name => folders[name], labels);
    }
}
