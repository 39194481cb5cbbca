using System.Text.Json;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Results;

public sealed class ResultsWriterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 30, 5, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("results-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Create_SameSecondTwice_MakesTwoFoldersAndKeepsTheFirst()
    {
        using var first = ResultsWriter.Create(_root, "fake", Start);
        first.AppendCase(Case(first.RunId, "m", 0));

        using var second = ResultsWriter.Create(_root, "fake", Start);

        first.RunId.Should().Be("20261126-103005-fake");
        second.RunId.Should().Be("20261126-103005-fake-2");
        File.ReadAllLines(Path.Combine(first.Directory, "cases.jsonl")).Should().HaveCount(1);
        File.ReadAllLines(Path.Combine(second.Directory, "cases.jsonl")).Should().BeEmpty();
    }

    [Fact]
    public void AppendCase_IsOnDiskBeforeTheWriterCloses()
    {
        using var writer = ResultsWriter.Create(_root, "fake", Start);

        writer.AppendCase(Case(writer.RunId, "Llama 3.2 1B Instruct", 3));
        writer.AppendCase(Case(writer.RunId, "Llama 3.2 1B Instruct", 4));

        using var reader = new StreamReader(new FileStream(Path.Combine(writer.Directory, "cases.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        using var doc = JsonDocument.Parse(lines[1]);
        doc.RootElement.GetProperty("promptOrdinal").GetInt32().Should().Be(4);
        doc.RootElement.GetProperty("model").GetString().Should().Be("Llama 3.2 1B Instruct");
        doc.RootElement.GetProperty("energy").GetProperty("provenance").GetProperty("method").GetString().Should().Be("measured");
        doc.RootElement.GetProperty("energy").GetProperty("window").GetProperty("domains").GetProperty("gpu").GetProperty("joules").GetDouble().Should().Be(1.5);
    }

    [Fact]
    public void AppendSamples_WritesOnlyTheNewOnes()
    {
        using var writer = ResultsWriter.Create(_root, "fake", Start);
        var samples = new List<MeterSample> { Sample(0), Sample(0.1) };

        writer.AppendSamples(samples);
        samples.Add(Sample(0.2));
        writer.AppendSamples(samples);

        var lines = ReadShared(Path.Combine(writer.Directory, "samples.jsonl"));
        lines.Should().HaveCount(3);
        lines[2].Should().Contain("\"startS\":0.2");
    }

    [Fact]
    public void AppendSamples_FromAMeter_AsksOnlyForTheSamplesPastThoseWritten()
    {
        // Arrange: a meter's timeline of 3 samples, then 2 more.
        using var writer = ResultsWriter.Create(_root, "fake", Start);
        var timeline = new SampleTimeline();
        timeline.Add(Sample(0));
        timeline.Add(Sample(0.1));
        timeline.Add(Sample(0.2));
        var asked = new List<int>();
        IReadOnlyList<MeterSample> From(int index)
        {
            asked.Add(index);
            return timeline.From(index);
        }

        // Act
        writer.AppendSamples(From);
        timeline.Add(Sample(0.3));
        timeline.Add(Sample(0.4));
        writer.AppendSamples(From);
        writer.AppendSamples(From);

        // Assert
        asked.Should().Equal(0, 3, 5);
        var lines = ReadShared(Path.Combine(writer.Directory, "samples.jsonl"));
        lines.Should().HaveCount(5);
        lines[3].Should().Contain("\"startS\":0.3");
    }

    [Fact]
    public void WriteManifest_Rewrites_WithoutLeavingTempFiles()
    {
        using var writer = ResultsWriter.Create(_root, "fake", Start);
        var options = new Harness.Configuration.BenchOptions { Profile = "fake" };
        var manifest = new RunManifest
        {
            RunId = writer.RunId,
            Profile = "fake",
            ProfileChosenBy = "test",
            Overrides = [],
            Configuration = options,
            Machine = MachineInfo.Collect(),
            Backend = new BackendInfo("gpt4all", "http://127.0.0.1:1/v1", "completions", "yes"),
            Meter = Provenance,
            Prompts = new PromptSource("p.json", "ab", 12, "first", 8),
            StartedUtc = Start,
            Status = "running",
        };

        writer.WriteManifest(manifest);
        writer.WriteManifest(manifest with { Status = "completed", CasesPassed = 24 });

        Directory.GetFiles(writer.Directory).Select(Path.GetFileName).Should().BeEquivalentTo("run.json", "cases.jsonl", "samples.jsonl", "points.jsonl");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(writer.Directory, "run.json")));
        doc.RootElement.GetProperty("status").GetString().Should().Be("completed");
        doc.RootElement.GetProperty("casesPassed").GetInt32().Should().Be(24);
        doc.RootElement.GetProperty("machine").GetProperty("logicalCores").GetInt32().Should().Be(Environment.ProcessorCount);
    }

    private static readonly EnergyProvenance Provenance =
        new("powermetrics", ["cpu", "gpu", "total"], EnergyMethod.Measured, "processor.*_energy", "Apple's estimates");

    private static MeterSample Sample(double start) => new(start, start + 0.1, new Dictionary<string, double> { ["cpu"] = 0.05 });

    private static CaseRecord Case(string runId, string model, int ordinal) => new()
    {
        RunId = runId,
        Model = model,
        PromptOrdinal = ordinal,
        PromptDatasetIndex = ordinal,
        PromptText = "p",
        Outcome = "passed",
        Energy = new CaseEnergy(Provenance, new WindowEnergy(1, 2,
            new Dictionary<string, DomainEnergy> { ["gpu"] = new(1.5, 1.5, 2) }, 10, 1)),
    };

    private static string[] ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
