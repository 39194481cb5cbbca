using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Benchmarks.Meters;

/// <summary>
/// What one meter reading costs, each beside the bare minimum of getting its bytes: one powermetrics plist sample parsed
/// (a real Intel Mac sample, <c>shared/field-inputs/intel-mac-mbp15-1.plist</c>) against a bare <see cref="XmlReader"/> pass
/// over the same bytes; one RAPL read of five zones (<see cref="RaplSource"/> over a temporary powercap tree, see
/// <see cref="TempPowercap"/>) against <see cref="File.ReadAllBytes(string)"/> of the same five files; one <c>/proc/stat</c>
/// read (<see cref="CpuTimes"/>, the real file) against <see cref="File.ReadAllBytes(string)"/> of it.
/// </summary>
[Goal("A reading costs little beside the meter's interval: well under 1 ms per sample (0.1% of one core at a 100 ms interval per 100 µs), and close to the bare read of the same bytes (Ratio). The whole session's CPU is in MeterSessionBenchmarks.")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[IterationTime(200)]
public class MeterReadBenchmarks
{
    private const string ProcStat = "/proc/stat";

    private byte[] _plist = [];
    private byte[] _plistInStream = [];
    private PlistStreamParser _stream = new();
    private TempPowercap? _powercap;
    private IReadOnlyList<string> _energyFiles = [];
    private RaplSource? _rapl;
    private double _nowS;

    [GlobalSetup]
    public void Setup()
    {
        // The file is what powermetrics writes for one sample: the document, then the NUL that separates it from the next.
        _plistInStream = File.ReadAllBytes(Path.Combine(RepositoryPaths.FindRoot(), "..", "shared", "field-inputs", "intel-mac-mbp15-1.plist"));
        var nul = Array.IndexOf(_plistInStream, (byte)0);
        _plist = nul < 0 ? _plistInStream : _plistInStream[..nul];
        if (nul < 0)
            _plistInStream = [.. _plist, 0];
        _stream = new PlistStreamParser();
        _powercap = new TempPowercap();
        _energyFiles = _powercap.EnergyFiles;
        var files = new RaplFiles(_powercap.Root);
        _rapl = new RaplSource(RaplTree.Discover(files), files);
        _rapl.Begin(0);
    }

    [GlobalCleanup]
    public void Cleanup() => _powercap?.Dispose();

    /// <summary>Bare minimum: every XML node of the sample read once, nothing kept.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("plist")]
    public int PlistXmlReaderPass()
    {
        using var stream = new MemoryStream(_plist, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var nodes = 0;
        while (reader.Read())
            nodes++;
        return nodes;
    }

    /// <summary>The product's parse of one sample document (the bytes before the NUL, as the stream parser hands them over).</summary>
    [Benchmark]
    [BenchmarkCategory("plist")]
    public PowermetricsSample PlistParse() => PowermetricsPlistReader.Parse(_plist);

    /// <summary>The document and its NUL separator (the file's bytes as they are) fed to the stream parser, as powermetrics' stdout delivers them.</summary>
    [Benchmark]
    [BenchmarkCategory("plist")]
    public int PlistStreamFeed() => _stream.Feed(_plistInStream).Count;

    /// <summary>Bare minimum: the five zones' <c>energy_uj</c> files read as bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("rapl")]
    public int RaplReadBytes()
    {
        var length = 0;
        foreach (var file in _energyFiles)
            length += File.ReadAllBytes(file).Length;
        return length;
    }

    /// <summary>One RAPL sample: the five counters read and parsed, deltas per domain.</summary>
    [Benchmark]
    [BenchmarkCategory("rapl")]
    public MeterSample? RaplNext() => _rapl!.Next(_nowS += 0.1);

    /// <summary>Bare minimum: <c>/proc/stat</c> read as bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("proc-stat")]
    public int ProcStatReadBytes() => File.ReadAllBytes(ProcStat).Length;

    /// <summary>The estimate meter's read: the <c>cpu</c> line of <c>/proc/stat</c> parsed.</summary>
    [Benchmark]
    [BenchmarkCategory("proc-stat")]
    public ulong ProcStatCpuTimes() => CpuTimes.Read(ProcStat).Total;
}
