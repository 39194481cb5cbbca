namespace SlmEnergyBench.Unit.SeedStudy;

internal static class SeedStudyTestFiles
{
    /// <summary>The hand-made two-record fixture next to these tests.</summary>
    public static string Fixture { get; } =
        Path.Combine(TestRepository.Root, "tests", "Unit", "SeedStudy", "seed_study_fixture.json");

    /// <summary>The study's raw results for Llama 3.2 1B, kept outside the repository in the shared folder.</summary>
    public static string StudyResults { get; } =
        Path.GetFullPath(Path.Combine(TestRepository.Root, "..", "shared", "seed-study", "results_0.json"));

    public static string RequireStudyResults()
    {
        if (!File.Exists(StudyResults))
        {
            Assert.Fail(
                $"The seed study's results_0.json was not found at {StudyResults}. It is reference data kept beside the "
                + "repository (../shared/seed-study/), not in it; put it there to run these tests.");
        }

        return StudyResults;
    }
}
