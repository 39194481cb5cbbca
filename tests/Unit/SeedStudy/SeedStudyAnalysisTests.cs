using SlmEnergyBench.Harness.SeedStudy;

namespace SlmEnergyBench.Unit.SeedStudy;

public sealed class SeedStudyAnalysisTests
{
    private const double Exact = 1e-9;

    // Fixture, by hand. Record 0: 0.5 s, 40 tokens, 5 words, 24 characters, GPU 10/12/14/16 W, combined 11/13/15/17 W.
    // Record 1: 0.25 s, 10 tokens, 3 words ("-" is no word), 14 characters, GPU 20/20 W, combined 22/24 W.
    [Fact]
    public void Study_Fixture_ComputesTheStudysFigures()
    {
        // Act
        var study = SeedStudyAnalysis.Study(SeedStudyReader.Read(SeedStudyTestFiles.Fixture));

        // Assert
        study.Responses.Should().Be(2);
        study.MeanInferenceTimeSeconds.Should().BeApproximately(0.375, Exact);
        study.TokensPerSecond.Should().BeApproximately((80 + 40) / 2.0, Exact);
        study.WordsPerSecondAsReported.Should().BeApproximately((48 + 56) / 2.0, Exact);
        study.GpuEnergyPerResponseJoules.Should().BeApproximately((5.2 + 4.0) / 2, Exact); // (52 W + 40 W) x 0.1 s
        study.MeanGpuPowerWatts.Should().BeApproximately((13 + 20) / 2.0, Exact);
    }

    [Fact]
    public void Project_Fixture_IntegratesOverTheRealWindow()
    {
        // Act
        var project = SeedStudyAnalysis.Project(SeedStudyReader.Read(SeedStudyTestFiles.Fixture));

        // Assert
        project.Responses.Should().Be(2);
        project.InferenceTimeSeconds.Mean.Should().BeApproximately(0.375, Exact);
        project.InferenceTimeSeconds.Median.Should().BeApproximately(0.375, Exact);
        project.WordsPerSecond.Should().BeApproximately((10 + 12) / 2.0, Exact);
        project.WordsPerSecondRatioOfTotals.Should().BeApproximately(8 / 0.75, Exact);
        project.TokensPerSecondMeanOfRatios.Should().BeApproximately(60, Exact);
        project.TokensPerSecondRatioOfTotals.Should().BeApproximately(50 / 0.75, Exact);
        project.GpuEnergyPerResponseJoules.Should().BeApproximately((13 * 0.5 + 20 * 0.25) / 2, Exact); // 5.75
        project.AllDomainsEnergyPerResponseJoules.Should().BeApproximately((14 * 0.5 + 23 * 0.25) / 2, Exact); // 6.375
        project.AllDomainsEnergyPerResponse.Mean.Should().BeApproximately(6.375, Exact);
        project.GpuJoulesPerToken.Should().BeApproximately(11.5 / 50, Exact);
        project.AllDomainsJoulesPerToken.Should().BeApproximately(12.75 / 50, Exact);
        project.MeanGpuPowerWatts.Should().BeApproximately(11.5 / 0.75, Exact);
        project.SampleCoverage.Should().BeApproximately(0.6 / 0.75, Exact);
    }

    [Fact]
    public void Compare_Fixture_ListsEachChangeOfMethodWithBothValues()
    {
        // Act
        var comparison = SeedStudyAnalysis.Compare(SeedStudyReader.Read(SeedStudyTestFiles.Fixture));

        // Assert
        comparison.Differences.Select(d => (d.Aspect, d.From, d.To)).Should().BeEquivalentTo(
            [
                (SeedStudyAnalysis.WordsVsCharacters, 52.0, 11.0),
                (SeedStudyAnalysis.RectangleVsRealWindow, 4.6, 5.75),
                (SeedStudyAnalysis.GpuVsAllDomains, 5.75, 6.375),
                (SeedStudyAnalysis.MeanOfRatiosVsRatioOfTotals, 60.0, 50 / 0.75),
            ],
            o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, Exact)).WhenTypeIs<double>());
    }

    [Fact]
    public void Study_StudyResults_ReproducesTheStudysFigures()
    {
        // Act
        var study = SeedStudyAnalysis.Study(SeedStudyReader.Read(SeedStudyTestFiles.RequireStudyResults()));

        // Assert
        study.Responses.Should().Be(256);
        study.MeanInferenceTimeSeconds.Should().BeApproximately(4.171, 0.0005);
        study.TokensPerSecond.Should().BeApproximately(110.09, 0.005);
        study.WordsPerSecondAsReported.Should().BeApproximately(526, 0.5); // characters per second
        study.GpuEnergyPerResponseJoules.Should().BeApproximately(57.98, 0.005);
        study.MeanGpuPowerWatts.Should().BeApproximately(15.35, 0.005);
    }

    [Fact]
    public void Project_StudyResults_CorrectsTheStudysFlaws()
    {
        // Act
        var project = SeedStudyAnalysis.Project(SeedStudyReader.Read(SeedStudyTestFiles.RequireStudyResults()));

        // Assert
        project.InferenceTimeSeconds.Mean.Should().BeApproximately(4.171, 0.0005);
        project.InferenceTimeSeconds.Median.Should().BeApproximately(3.19, 0.005);
        project.TokensPerSecondMeanOfRatios.Should().BeApproximately(110.09, 0.005);
        project.TokensPerSecondRatioOfTotals.Should().BeApproximately(100.61, 0.005);
        // Words by UAX #29, counted independently with ICU 78 (Node's Intl.Segmenter, word-like segments): 83.05 as a
        // mean of ratios, 75.04 as a ratio of totals. "About 84" in the study's re-analysis splits on white space,
        // which also counts markdown bullets ("-", "*", "**") as words; UAX #29 drops those but splits hyphenated
        // words ("step-by-step" is 3) and "e.g." stays 1.
        project.WordsPerSecond.Should().BeApproximately(83.05, 0.005);
        project.WordsPerSecondRatioOfTotals.Should().BeApproximately(75.04, 0.005);
        project.WordRule.Should().Be("uax29-icu-dictionary");
        project.SampleCoverage.Should().BeApproximately(0.905, 0.0005);
        project.GpuEnergyPerResponseJoules.Should().BeApproximately(62.02, 0.005);
        project.AllDomainsEnergyPerResponseJoules.Should().BeApproximately(68.16, 0.005);
        project.GpuJoulesPerToken.Should().BeApproximately(0.1478, 0.00005);
        project.AllDomainsJoulesPerToken.Should().BeApproximately(0.1624, 0.00005);
    }

    [Fact]
    public void Compare_StudyResults_RectangleSumUnderCountsBySevenPercent()
    {
        // Act
        var differences = SeedStudyAnalysis.Compare(SeedStudyReader.Read(SeedStudyTestFiles.RequireStudyResults())).Differences;

        // Assert
        differences.Single(d => d.Aspect == SeedStudyAnalysis.RectangleVsRealWindow).RelativeChange.Should().BeInRange(0.06, 0.08);
        differences.Single(d => d.Aspect == SeedStudyAnalysis.WordsVsCharacters).RelativeChange.Should().BeApproximately(83.05 / 525.81 - 1, 0.0001);
        differences.Single(d => d.Aspect == SeedStudyAnalysis.GpuVsAllDomains).To.Should().BeGreaterThan(differences.Single(d => d.Aspect == SeedStudyAnalysis.GpuVsAllDomains).From);
    }

    [Fact]
    public void Study_NoRecords_Throws()
    {
        // Act
        var act = () => SeedStudyAnalysis.Study([]);

        // Assert
        act.Should().Throw<ArgumentException>();
    }
}
