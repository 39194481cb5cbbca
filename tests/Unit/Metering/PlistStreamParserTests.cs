using System.Text;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class PlistStreamParserTests
{
    [Fact]
    public void Feed_TwoDocumentsInOneRead_ReturnsBothInOrder()
    {
        // Arrange
        var parser = new PlistStreamParser();
        var bytes = PlistDocuments.Stream(PlistDocuments.Simple(100_000_000, 60, 5), PlistDocuments.Simple(110_000_000, 70, 6));

        // Act
        var results = parser.Feed(bytes);

        // Assert
        results.Select(r => r.Sample!.ElapsedNs).Should().Equal(100_000_000, 110_000_000);
        results.Select(r => r.Sample!.EnergyJ["cpu"]).Should().Equal(0.06, 0.07);
        parser.PendingBytes.Should().Be(0);
    }

    [Fact]
    public void Feed_DocumentSplitAtEveryBytePosition_ReturnsItOnceWhenComplete()
    {
        // Arrange
        var bytes = PlistDocuments.Stream(PlistDocuments.RealM1);

        for (var split = 0; split <= bytes.Length; split++)
        {
            var parser = new PlistStreamParser();

            // Act
            var first = parser.Feed(bytes.AsSpan(0, split));
            var second = parser.Feed(bytes.AsSpan(split));

            // Assert
            var all = first.Concat(second).ToList();
            all.Should().ContainSingle($"split at byte {split}");
            all[0].IsCorrupt.Should().BeFalse($"split at byte {split}: {all[0].Error}");
            all[0].Sample!.EnergyJ["gpu"].Should().Be(0.031);
            parser.PendingBytes.Should().Be(0);
        }
    }

    [Fact]
    public void Feed_OneByteAtATime_ReturnsEveryDocument()
    {
        // Arrange
        var parser = new PlistStreamParser();
        var bytes = PlistDocuments.Stream(PlistDocuments.Simple(1, 1, 1), PlistDocuments.RealM1, PlistDocuments.Simple(3, 3, 3));
        var results = new List<PlistDocumentResult>();

        // Act
        foreach (var b in bytes)
            results.AddRange(parser.Feed([b]));

        // Assert
        results.Select(r => r.Sample!.ElapsedNs).Should().Equal(1, 2019178750, 3);
    }

    [Fact]
    public void Feed_DocumentWithoutNulYet_IsReturnedAtItsClosingTag()
    {
        // Arrange
        var parser = new PlistStreamParser();

        // Act
        var results = parser.Feed(Encoding.UTF8.GetBytes(PlistDocuments.Simple(5, 1, 2).TrimEnd()));

        // Assert
        results.Should().ContainSingle().Which.Sample!.ElapsedNs.Should().Be(5);
    }

    [Fact]
    public void Feed_GarbageBetweenDocuments_IsIgnored()
    {
        // Arrange
        var parser = new PlistStreamParser();
        var text = "\n  \0stray text\0" + PlistDocuments.Simple(1, 1, 1) + "\0\r\n\0junk before the next one "
            + PlistDocuments.Simple(2, 2, 2) + "\0\0";

        // Act
        var results = parser.Feed(Encoding.UTF8.GetBytes(text));

        // Assert
        results.Should().HaveCount(2).And.OnlyContain(r => !r.IsCorrupt);
        results.Select(r => r.Sample!.ElapsedNs).Should().Equal(1, 2);
    }

    [Fact]
    public void Feed_TruncatedDocumentBetweenGoodOnes_IsReportedCorruptInItsPlace()
    {
        // Arrange
        var parser = new PlistStreamParser();
        var truncated = PlistDocuments.Simple(2, 2, 2)[..150];
        var bytes = PlistDocuments.Stream(PlistDocuments.Simple(1, 1, 1), truncated, PlistDocuments.Simple(3, 3, 3));

        // Act
        var results = parser.Feed(bytes);

        // Assert
        results.Select(r => r.IsCorrupt).Should().Equal(false, true, false);
        results[1].Error.Should().Contain("XML");
    }

    [Fact]
    public void Feed_DocumentWithoutElapsed_IsCorrupt()
    {
        // Arrange
        var parser = new PlistStreamParser();
        var doc = PlistDocuments.Build("<key>hw_model</key><string>Mac14,2</string>", "<key>cpu_energy</key><integer>5</integer>");

        // Act
        var results = parser.Feed(PlistDocuments.Stream(doc));

        // Assert
        results.Should().ContainSingle().Which.Error.Should().Contain("elapsed_ns is missing");
    }

    [Fact]
    public void Complete_TruncatedTailAtEndOfStream_IsCorrupt()
    {
        // Arrange
        var parser = new PlistStreamParser();
        parser.Feed(Encoding.UTF8.GetBytes(PlistDocuments.RealM1[..300])).Should().BeEmpty();

        // Act
        var results = parser.Complete();

        // Assert
        results.Should().ContainSingle().Which.IsCorrupt.Should().BeTrue();
        parser.PendingBytes.Should().Be(0);
    }

    [Fact]
    public void Complete_GarbageTail_IsIgnored()
    {
        // Arrange
        var parser = new PlistStreamParser();
        parser.Feed(Encoding.UTF8.GetBytes("powermetrics: shutting down\n"));

        // Act
        var results = parser.Complete();

        // Assert
        results.Should().BeEmpty();
    }
}
