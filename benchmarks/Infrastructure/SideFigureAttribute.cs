using BenchmarkDotNet.Attributes;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>Adds a <see cref="SideFigureColumn"/> to a benchmark class's summary (one attribute per figure).</summary>
/// <param name="figure">The figure's name as the benchmark records it with <see cref="SideFigures.Record(string, string, double)"/>.</param>
/// <param name="legend">What it is, its unit and how it was obtained.</param>
/// <param name="format">A .NET number format for the value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class SideFigureAttribute(string figure, string legend, string format = "0.###")
    : ColumnConfigBaseAttribute(new SideFigureColumn(figure, legend, format));
