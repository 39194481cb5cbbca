using SlmEnergyBench.Benchmarks.Infrastructure;

namespace SlmEnergyBench.Unit.Benchmarks;

public sealed class SideFiguresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("side-figures-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Key_GeneratedRunnableSubclass_NamesTheDeclaredBenchmarkClass()
    {
        // Act
        var fromRunnable = SideFigures.Key(typeof(Runnable_3), "Write", ("Cases", 768), ("Interval", 0.1));
        var fromClass = SideFigures.Key(typeof(ReportLikeBenchmarks), "Write", ("Cases", 768), ("Interval", 0.1));

        // Assert
        fromRunnable.Should().Be("ReportLikeBenchmarks.Write(Cases=768, Interval=0.1)");
        fromClass.Should().Be(fromRunnable);
    }

    [Fact]
    public void RecordThenRead_TwoCasesAndTwoFigures_ReadsBackOnlyTheAskedOnesInOrder()
    {
        // Arrange
        var path = Path.Combine(_folder, "side.jsonl");
        SideFigures.Record(path, "A.M(N=1)", "Peak MB", 120.5);
        SideFigures.Record(path, "A.M(N=2)", "Peak MB", 300);
        SideFigures.Record(path, "A.M(N=1)", "HTML KB", 7);
        SideFigures.Record(path, "A.M(N=1)", "Peak MB", 118.25);

        // Act
        var peak = SideFigures.Read(path, "A.M(N=1)", "Peak MB");

        // Assert
        peak.Should().Equal(120.5, 118.25);
        SideFigures.Read(path, "A.M(N=3)", "Peak MB").Should().BeEmpty();
        SideFigures.Read(Path.Combine(_folder, "absent.jsonl"), "A.M(N=1)", "Peak MB").Should().BeEmpty();
    }

    [Fact]
    public void Read_ALineThatIsNotJson_SaysWhichFileAndToDeleteIt()
    {
        // Arrange
        var path = Path.Combine(_folder, "side.jsonl");
        File.WriteAllText(path, "{\"Key\":\"A.M()\",\"Figure\":\"F\",\"Value\":1}\nnot json\n");

        // Act
        var read = () => SideFigures.Read(path, "A.M()", "F");

        // Assert
        read.Should().Throw<InvalidDataException>().WithMessage($"{path}: a line is not JSON*not json. Delete the file and rerun.");
    }

    private class ReportLikeBenchmarks;

#pragma warning disable IDE1006, CA1707 // BenchmarkDotNet's generated subclasses are named Runnable_N.
    private sealed class Runnable_3 : ReportLikeBenchmarks;
#pragma warning restore IDE1006, CA1707
}
