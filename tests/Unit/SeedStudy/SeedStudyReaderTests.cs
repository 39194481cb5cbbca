using SlmEnergyBench.Harness.SeedStudy;

namespace SlmEnergyBench.Unit.SeedStudy;

public sealed class SeedStudyReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("seed-study-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Read_Fixture_ReadsEveryField()
    {
        // Act
        var records = SeedStudyReader.Read(SeedStudyTestFiles.Fixture);

        // Assert
        records.Should().HaveCount(2);
        var first = records[0];
        first.InferenceTimeMs.Should().Be(500);
        first.DurationSeconds.Should().Be(0.5);
        first.Input.Should().Be("Count to five.");
        first.InputLength.Should().Be(14);
        first.InputToken.Should().Be(5);
        first.Output.Should().Be("One two three four five.");
        first.OutputLength.Should().Be(24);
        first.OutputToken.Should().Be(40);
        first.EnergyMetrics.Should().HaveCount(4);
        first.EnergyMetrics[3].Should().Be(new SeedStudySample(100, 1000, 16000, 17000, 300));
        records[1].EnergyMetrics[1].Should().Be(new SeedStudySample(99, 4000, 20000, 24000, 100));
    }

    [Fact]
    public void Read_StudyResults_Reads256RecordsWithSamples()
    {
        // Act
        var records = SeedStudyReader.Read(SeedStudyTestFiles.RequireStudyResults());

        // Assert
        records.Should().HaveCount(256);
        records.Should().OnlyContain(r => r.EnergyMetrics.Count > 0 && r.InferenceTimeMs > 0);
        records[0].InferenceTimeMs.Should().Be(1082);
        records[0].OutputToken.Should().Be(124);
    }

    [Theory]
    [InlineData("""[{"input":"x"}]""", "record 0, field 'inferenceTime': is missing")]
    [InlineData(Valid + """,{"inferenceTime":"1000"}]""", "record 1, field 'inferenceTime': expected Number, found String")]
    [InlineData(Valid + """,{"inferenceTime":0}]""", "record 1, field 'inferenceTime': must be positive")]
    [InlineData("""[{"inferenceTime":1000,"energyMetrics":[]}]""", "record 0, field 'energyMetrics': holds no sample")]
    [InlineData("""[{"inferenceTime":1000,"energyMetrics":[{"batteryPercentage":1,"cpuPowerMw":1,"gpuPowerMw":-1}]}]""", "record 0, field 'energyMetrics[0].gpuPowerMw': must not be negative")]
    [InlineData("""[{"inferenceTime":1000,"energyMetrics":[{"batteryPercentage":1,"cpuPowerMw":1,"gpuPowerMw":1,"combinedPowerMw":2}]}]""", "record 0, field 'energyMetrics[0].timeElapsed': is missing")]
    [InlineData(Valid + """,{"inferenceTime":1,"energyMetrics":[{"batteryPercentage":1,"cpuPowerMw":1,"gpuPowerMw":1,"combinedPowerMw":2,"timeElapsed":0}],"input":"a","inputLength":1.5}]""", "record 1, field 'inputLength': expected a non-negative integer, found 1.5")]
    [InlineData(Valid + """,{"inferenceTime":1,"energyMetrics":[{"batteryPercentage":1,"cpuPowerMw":1,"gpuPowerMw":1,"combinedPowerMw":2,"timeElapsed":0}],"input":"a","inputLength":1,"inputToken":1,"output":null}]""", "record 1, field 'output': expected String, found Null")]
    [InlineData("""[3]""", "record 0: expected an object, found Number")]
    [InlineData("""{"records":[]}""", "expected a JSON array of records, found Object")]
    [InlineData("""[{"inferenceTime":""", "not valid JSON")]
    public void Read_BadInput_ThrowsNamingFileRecordAndField(string json, string expected)
    {
        // Arrange
        var path = Path.Combine(_directory, "results_bad.json");
        File.WriteAllText(path, json);

        // Act
        var act = () => SeedStudyReader.Read(path);

        // Assert
        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().StartWith(path + ":").And.Contain(expected);
    }

    private const string Valid =
        """[{"inferenceTime":1000,"input":"a","inputLength":1,"inputToken":1,"output":"b","outputLength":1,"outputToken":1,"energyMetrics":[{"batteryPercentage":1,"cpuPowerMw":1,"gpuPowerMw":1,"combinedPowerMw":2,"timeElapsed":0}]}""";
}
