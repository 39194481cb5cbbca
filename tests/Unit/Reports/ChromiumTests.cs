namespace SlmEnergyBench.Unit.Reports;

public sealed class ChromiumTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void FailsWhenMissing_CiVariable_FailsUnderCiAndSkipsElsewhere(string? ci, bool fails)
    {
        // Act
        var result = Chromium.FailsWhenMissing(ci);

        // Assert
        result.Should().Be(fails);
    }
}
