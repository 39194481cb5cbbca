using SlmEnergyBench.Benchmarks.Infrastructure;

namespace SlmEnergyBench.Unit.Benchmarks;

public sealed class DocsWriterTests
{
    [Fact]
    public void Page_ClassWithAGoal_PutsNameGoalAndItsOwnCommandAboveTheTables()
    {
        // Arrange
        const string markdown = "```\nBenchmarkDotNet v0.15.8, Linux\n```\n| Method | Mean |\n|--- |---:|\n| Bare | 1.0 ms |\n";

        // Act
        var page = DocsWriter.Page(typeof(GoalledBenchmarks), markdown);

        // Assert
        page.Should().Be(
            "# GoalledBenchmarks\n\n" +
            "**Goal:** under 0.5 ms beyond a bare POST.\n\n" +
            "Made by `dotnet run -c Release --project benchmarks -- --filter '*GoalledBenchmarks*'` (BenchmarkDotNet; the machine is in the block below).\n\n" +
            markdown);
    }

    [Fact]
    public void Page_ClassWithoutAGoal_HasNoGoalLine()
    {
        // Act
        var page = DocsWriter.Page(typeof(DocsWriterTests), "| t |\n");

        // Assert
        page.Should().NotContain("Goal").And.EndWith("below).\n\n| t |\n");
    }

    [Goal("under 0.5 ms beyond a bare POST.")]
    private sealed class GoalledBenchmarks;
}
