using SlmEnergyBench.Benchmarks.Reports;

namespace SlmEnergyBench.Unit.Benchmarks.Reports;

/// <summary>Where the report benchmarks' side figures come from: /proc/self/status and Chromium's dumped DOM.</summary>
public sealed class SideFigureSourcesTests
{
    [Fact]
    public void Kilobytes_StatusLines_ReadsTheField()
    {
        // Arrange
        string[] status = ["Name:\tdotnet", "VmPeak:\t 3460356 kB", "VmHWM:\t  320524 kB", "VmRSS:\t   13492 kB"];

        // Act & Assert
        PeakMemory.Kilobytes(status, "VmHWM:").Should().Be(320524);
    }

    [Fact]
    public void Kilobytes_MissingOrNotKilobytes_Throws()
    {
        // Act
        var missing = () => PeakMemory.Kilobytes(["VmRSS:\t 13492 kB"], "VmHWM:");
        var pages = () => PeakMemory.Kilobytes(["VmHWM:\t 320524 pages"], "VmHWM:");

        // Assert
        missing.Should().Throw<InvalidDataException>().WithMessage("*no VmHWM: line*");
        pages.Should().Throw<InvalidDataException>().WithMessage("*not '<number> kB'*");
    }

    [Fact]
    public void PeakMb_AfterHoldingFiftyMegabytes_IsAtLeastFiftyMoreThanAfterReset()
    {
        // Arrange
        if (!PeakMemory.Available)
            Assert.Skip("/proc/self/clear_refs is Linux's; this system has none.");
        PeakMemory.Reset();
        var before = PeakMemory.PeakMb()!.Value;

        // Act: touch every page of 64 MB so it is resident.
        var block = new byte[64 << 20];
        for (var i = 0; i < block.Length; i += 4096)
            block[i] = 1;
        var peak = PeakMemory.PeakMb()!.Value;
        GC.KeepAlive(block);

        // Assert
        (peak - before).Should().BeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public void WithScript_Page_AddsTheScriptBeforeTheLastBodyEnd()
    {
        // Act
        var page = PageLoad.WithScript("<html><body><p>x</p></body></html>");

        // Assert
        page.Should().Be("<html><body><p>x</p>" + PageLoad.Script + "</body></html>");
    }

    [Fact]
    public void Figure_DumpedDom_ReadsTheTitlesMilliseconds()
    {
        // Act & Assert
        PageLoad.Figure("<html><head><title>slmbench-load-ms:696.6000000014901</title></head>").Should().Be(696.6000000014901);
        PageLoad.Figure("<html><head><title>Run 20261126</title></head>").Should().BeNull();
    }

    [Fact]
    public void Measure_SmallPage_GivesAPositiveLoadTime()
    {
        // Arrange
        if (PageLoad.Executable is null)
            Assert.Skip("chromium is not installed (apt-get install chromium).");
        var folder = Directory.CreateTempSubdirectory("slmbench-page-").FullName;
        var html = Path.Combine(folder, "page.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><head><title>t</title></head><body><p>hello</p></body></html>");

        // Act
        var ms = PageLoad.Measure(html, TimeSpan.FromMinutes(3));

        // Assert
        ms.Should().BeGreaterThan(0).And.BeLessThan(60_000);
    }
}
