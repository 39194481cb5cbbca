using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Resume;

public sealed class ResultsWriterResumeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Resume_LastLineCutByAKill_RemovesOnlyThatLineAndAppendsAfterTheCompleteOnes()
    {
        // Arrange: two complete records and a third cut mid-write (no newline), as SIGKILL leaves it.
        var run = Directory.CreateDirectory(_dir.File("20261130-120000-fake")).FullName;
        File.WriteAllText(Path.Combine(run, "cases.jsonl"), "{\"a\":1}\n{\"a\":2}\n{\"a\":3,\"te");
        File.WriteAllText(Path.Combine(run, "samples.jsonl"), "{\"s\":1}\n");

        // Act
        var (writer, torn) = ResultsWriter.Resume(run);
        writer.Dispose();

        // Assert: exactly the torn line's bytes are gone; the complete lines are intact.
        torn.Should().Be("{\"a\":3,\"te".Length);
        File.ReadAllText(Path.Combine(run, "cases.jsonl")).Should().Be("{\"a\":1}\n{\"a\":2}\n");
        File.ReadAllText(Path.Combine(run, "samples.jsonl")).Should().Be("{\"s\":1}\n");
        writer.RunId.Should().Be("20261130-120000-fake");
    }
}
