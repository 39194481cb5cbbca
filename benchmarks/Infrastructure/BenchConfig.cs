using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Loggers;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// The configuration every group runs under: BenchmarkDotNet's default columns and jobs (each class sets its own
/// iteration counts so the whole run stays within 15 minutes on a 2-core machine), allocations per operation, the
/// GitHub Markdown and CSV exporters <see cref="DocsWriter"/> copies, and artifacts under <c>benchmarks/artifacts</c>.
/// </summary>
public static class BenchConfig
{
    /// <summary>The configuration, with BenchmarkDotNet's artifacts under <paramref name="artifacts"/>.</summary>
    public static IConfig Create(string artifacts) =>
        ManualConfig.CreateMinimumViable()
            .AddLogger(ConsoleLogger.Default)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
}
