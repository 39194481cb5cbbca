using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>The cases table of report.html for a long run: at most <see cref="HtmlCases.MaxRows"/> cases, every failed one first in line.</summary>
public sealed class HtmlCasesTests
{
    private static CaseRecord Case(int ordinal, bool passed) => new()
    {
        RunId = "r",
        Model = "m",
        PromptOrdinal = ordinal,
        PromptDatasetIndex = ordinal,
        PromptText = $"prompt {ordinal}",
        Outcome = passed ? "passed" : "failed",
    };

    [Fact]
    public void Shown_NoMoreThanTheMost_ShowsEveryCase()
    {
        // Arrange
        CaseRecord[] cases = [Case(0, true), Case(1, false), Case(2, true)];

        // Act
        var shown = HtmlCases.Shown(cases, max: 3);

        // Assert
        shown.Should().Equal(cases);
    }

    [Fact]
    public void Shown_MoreThanTheMost_ShowsEveryFailedCaseAndTheFirstPassedOnesInRunOrder()
    {
        // Arrange: ordinals 0..9, failed at 2 and 7; room for 5 rows: the 2 failed and passed 0, 1, 3.
        var cases = Enumerable.Range(0, 10).Select(i => Case(i, i is not (2 or 7))).ToArray();

        // Act
        var shown = HtmlCases.Shown(cases, max: 5);

        // Assert
        shown.Select(c => c.PromptOrdinal).Should().Equal(0, 1, 2, 3, 7);
    }

    [Fact]
    public void Shown_MoreFailedCasesThanTheMost_ShowsTheFirstFailedOnes()
    {
        // Arrange: 6 failed (odd ordinals), room for 2.
        var cases = Enumerable.Range(0, 12).Select(i => Case(i, i % 2 == 0)).ToArray();

        // Act
        var shown = HtmlCases.Shown(cases, max: 2);

        // Assert
        shown.Select(c => c.PromptOrdinal).Should().Equal(1, 3);
    }

    [Fact]
    public void Render_RunOfMoreCasesThanTheTableShows_ListsTheMostAndLinksCasesCsv()
    {
        // Arrange: the fixture run's 12 cases copied to 1,200, the 12th of each copy failed (100 failed).
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var many = Enumerable.Range(0, 100).SelectMany(k => run.Cases.Select((c, i) => c with
        {
            PromptOrdinal = (k * run.Cases.Count) + i,
            Outcome = i == run.Cases.Count - 1 ? "failed" : c.Outcome,
        })).ToArray();
        run = run with { Cases = many };

        // Act
        var html = HtmlReport.Render(run, []);

        // Assert: one <details> per row shown, plus the manifest's.
        many.Should().HaveCount(1200);
        Regex.Matches(html, "<details>").Should().HaveCount(HtmlCases.MaxRows + 1);
        Regex.Matches(html, "<tr class=\"failed\">").Should().HaveCount(100);
        html.Should().Contain("This run has 1200 cases; so that the page opens quickly, the table lists its 100 failed cases and the first 900 passed ones, in run order. "
            + "Every case is in <a href=\"cases.csv\">cases.csv</a>.");
    }
}
