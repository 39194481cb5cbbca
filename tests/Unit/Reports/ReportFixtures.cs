namespace SlmEnergyBench.Unit.Reports;

/// <summary>The fixed run the report tests read: a fake-profile run of 3 models x 4 prompts, kept in fixtures/runs.</summary>
internal static class ReportFixtures
{
    public const string FakeRunId = "20261126-202418-fake";

    public static string FakeRun => Path.Combine(TestRepository.Root, "fixtures", "runs", FakeRunId);

    /// <summary>A writable copy of the fixed run in a fresh temporary folder (the fixture itself is never written to).</summary>
    public static string CopyOfFakeRun()
    {
        var target = Path.Combine(Path.GetTempPath(), "slmbench-run-" + Guid.NewGuid().ToString("N"), FakeRunId);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(FakeRun))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}
