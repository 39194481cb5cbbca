using SlmEnergyBench.Harness.Machine;

namespace SlmEnergyBench.Unit.Machine;

/// <summary><c>ps -A -o pid=,ppid=,time=,comm=</c> as macOS prints it (time as minutes:seconds.hundredths, right-aligned columns, commands with spaces) and procps's times.</summary>
public sealed class PsProcessesTests
{
    [Fact]
    public void Parse_MacOsTable_ReadsEachProcessWithItsCommandWhole()
    {
        // Arrange: WindowServer 123 min 45.67 s = 7425.67 s; powermetrics 0 min 1.23 s.
        const string Output =
            "    1     0   12:03.45 /sbin/launchd\n" +
            "  401     1  123:45.67 /System/Library/PrivateFrameworks/SkyLight.framework/Resources/WindowServer\n" +
            " 5120  5119    0:01.23 /usr/bin/powermetrics\n" +
            " 7781     1    2:00.50 /Applications/Google Chrome.app/Contents/MacOS/Google Chrome\n" +
            "garbage line\n";

        // Act
        var table = PsProcesses.Parse(Output);

        // Assert
        table.Should().HaveCount(4);
        table[1].Should().Be(new ProcessCpu(401, 1, "/System/Library/PrivateFrameworks/SkyLight.framework/Resources/WindowServer", 7425.67, 0));
        table[2].CpuS.Should().BeApproximately(1.23, 1e-9);
        table[3].Name.Should().Be("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
        table[3].CpuS.Should().BeApproximately(120.5, 1e-9);
    }

    [Theory]
    [InlineData("0:01.23", 1.23)]
    [InlineData("123:45.67", 7425.67)]
    [InlineData("00:01:02", 62)]
    [InlineData("1-02:03:04", 93_784)]
    public void CpuTime_MacOsAndProcpsFormats_InSeconds(string text, double seconds)
    {
        PsProcesses.CpuTime(text).Should().BeApproximately(seconds, 1e-9);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("a:b")]
    [InlineData("1:2:3:4")]
    public void CpuTime_NotATime_IsNull(string text)
    {
        PsProcesses.CpuTime(text).Should().BeNull();
    }
}
