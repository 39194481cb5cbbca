using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>One rule for every number in the report tables, the one of SummaryText: three decimals from 1 up, three significant digits below.</summary>
public sealed class ReportNumbersTests
{
    [Theory]
    [InlineData(0.3, "0.3")]
    [InlineData(0.0123456, "0.0123")]
    [InlineData(0.29949, "0.299")]
    [InlineData(274.86, "274.86")]
    [InlineData(285.05349, "285.053")]
    [InlineData(1, "1")]
    [InlineData(0, "0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.NaN, "NA")]
    public void Number_Value_FollowsTheSummaryTextRule(double value, string expected) =>
        ReportNumbers.Number(value).Should().Be(expected);

    [Fact]
    public void MeanCi_OneValue_ShowsTheMeanWithoutAnInterval()
    {
        var one = Harness.Statistics.SampleStatistics.Of([0.25]);
        var two = Harness.Statistics.SampleStatistics.Of([0.25, 0.75]);

        ReportNumbers.MeanCi(one, "~").Should().Be("~0.25 (n = 1, no interval)");
        ReportNumbers.MeanCi(two).Should().MatchRegex(@"^0\.5 \[[0-9.]+, [0-9.]+\]$");
    }

    [Fact]
    public void Cut_LongText_EndsWithAnEllipsisWithinTheLimit()
    {
        ReportNumbers.Cut("abcdefghij", 6).Should().Be("abc...");
        ReportNumbers.Cut("abc", 6).Should().Be("abc");
    }
}
