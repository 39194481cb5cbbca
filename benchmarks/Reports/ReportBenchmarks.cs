using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Benchmarks.Reports;

/// <summary>
/// The summaries, the report and the charts of generated runs (<see cref="SyntheticRun"/>) of 36, 768 and 10,000 cases,
/// each step as the product makes it: <see cref="Summaries"/> (<c>summary.json</c>, which the Energy suite writes at each
/// model's end), <see cref="Read"/> (the run folder read back, with its summary: <see cref="RunDataReader"/>),
/// <see cref="Charts"/> (<see cref="RunCharts"/>), <see cref="Write"/> (<see cref="ReportWriter"/>: chart files,
/// <c>cases.csv</c>, <c>report.md</c>, <c>report.html</c>), and <see cref="Report"/>, the three together as
/// <c>slmbench report</c> and the Energy suite's finish make it (<see cref="RunReport.Generate"/>).
/// </summary>
/// <remarks>
/// Each iteration is one call (<see cref="RunStrategy.Monitoring"/>: these take milliseconds to seconds), two iterations per case
/// to keep the group within about 4 minutes on a 2-core machine. BenchmarkDotNet's warm-up would add a whole 10,000-case call
/// (up to 13 s) per method, so there is none; instead each setup makes one untimed call for runs under <see cref="WarmUpBelow"/>
/// cases, whose first call's JIT compilation would otherwise weigh (at 10,000 cases it is a small part of seconds). The side figures:
/// the peak resident set of each call (<see cref="PeakMemory"/>); the HTML report's size and its load time in headless
/// Chromium (<see cref="PageLoad"/>), measured after <see cref="Report"/>'s iterations on the report they wrote.
/// </remarks>
[Goal("A 768-case run's report (read, charts, report.html/report.md/cases.csv) made in under 10 s, and its report.html opened by a browser in under 2 s; the 10,000-case run shows how each step grows.")]
[SideFigure("Peak MB", "Peak resident set of the benchmark process during the call, MB: VmHWM of /proc/self/status, reset by /proc/self/clear_refs after a full GC before each iteration; it includes what the process held before the call (runtime, the run read in setup), and native memory (chart bitmaps), which GC figures leave out. Median of the iterations.", "0")]
[SideFigure("HTML KB", "Size of report.html written by Report, KB (1024 bytes).", "0")]
[SideFigure("Page load ms", "report.html opened in headless Chromium (--headless --dump-dom): from navigation start to a full layout forced in the page's load event, by performance.now() in the page (a script added to a copy); the browser's own start is not counted. Median of the loads after Report's iterations.", "0")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class ReportBenchmarks
{
    /// <summary>How many page loads measure <c>Page load ms</c>.</summary>
    public const int PageLoads = 3;

    /// <summary>Runs of fewer cases than this get one untimed call in setup (see the remarks).</summary>
    public const int WarmUpBelow = 10_000;

    private string _folder = "";
    private RunData? _run;
    private IReadOnlyList<RenderedChart> _charts = [];
    private string _method = "";

    /// <summary>Cases in the generated run.</summary>
    [Params(36, 768, 10_000)]
    public int Cases { get; set; }

    /// <summary>Reads the generated run for <see cref="Summaries"/>.</summary>
    [GlobalSetup(Target = nameof(Summaries))]
    public void SetupSummaries()
    {
        ReadRun();
        WarmUp(() => Summaries());
    }

    /// <summary>Makes (or finds) the generated run's folder for <see cref="Read"/>.</summary>
    [GlobalSetup(Target = nameof(Read))]
    public void SetupRead()
    {
        _folder = RunCache.Get(Cases);
        WarmUp(() => Read());
    }

    /// <summary>Reads the generated run for <see cref="Charts"/>.</summary>
    [GlobalSetup(Target = nameof(Charts))]
    public void SetupCharts()
    {
        ReadRun();
        WarmUp(() => Charts());
    }

    /// <summary>Reads the generated run and draws its charts for <see cref="Write"/>.</summary>
    [GlobalSetup(Target = nameof(Write))]
    public void SetupWrite()
    {
        ReadRun();
        _charts = RunCharts.Render(_run!);
        WarmUp(() => Write());
    }

    /// <summary>Makes (or finds) the generated run's folder for <see cref="Report"/>.</summary>
    [GlobalSetup(Target = nameof(Report))]
    public void SetupReport()
    {
        _folder = RunCache.Get(Cases);
        WarmUp(() => Report());
    }

    /// <summary>The generated run's folder (made once, then cached: <see cref="RunCache"/>), read.</summary>
    private void ReadRun()
    {
        _folder = RunCache.Get(Cases);
        _run = RunDataReader.Read(_folder);
    }

    /// <summary>One untimed call for a run under <see cref="WarmUpBelow"/> cases.</summary>
    private void WarmUp(Action call)
    {
        if (Cases < WarmUpBelow)
            call();
    }

    /// <summary>Resets the process's peak resident set before each call (<see cref="PeakMemory.Reset"/>).</summary>
    [IterationSetup]
    public void ResetPeak() => PeakMemory.Reset();

    /// <summary>Records the call's peak resident set, MB, as the side figure <c>Peak MB</c>.</summary>
    [IterationCleanup]
    public void RecordPeak()
    {
        if (PeakMemory.PeakMb() is { } mb && _method.Length > 0)
            SideFigures.Record(SideFigures.Key(GetType(), _method, ("Cases", Cases)), "Peak MB", mb);
    }

    /// <summary>The size of report.html and its load time in Chromium, recorded for <see cref="Report"/>.</summary>
    [GlobalCleanup(Target = nameof(Report))]
    public void RecordPage()
    {
        var html = Path.Combine(_folder, HtmlReport.FileName);
        var key = SideFigures.Key(GetType(), nameof(Report), ("Cases", Cases));
        SideFigures.Record(key, "HTML KB", new FileInfo(html).Length / 1024.0);
        for (var i = 0; i < PageLoads; i++)
        {
            if (PageLoad.Measure(html, TimeSpan.FromMinutes(3)) is { } ms)
                SideFigures.Record(key, "Page load ms", ms);
        }
    }

    /// <summary>Per-model statistics of the cases and <c>summary.json</c>.</summary>
    [Benchmark]
    public string Summaries()
    {
        _method = nameof(Summaries);
        return SummaryWriter.Write(_folder, RunSummary.Of(_run!.RunId, _run.Cases));
    }

    /// <summary>The run folder read back (manifest, cases, samples, points), with its summary.</summary>
    [Benchmark]
    public RunData Read()
    {
        _method = nameof(Read);
        return RunDataReader.Read(_folder);
    }

    /// <summary>Every chart of the report, drawn to PNG and SVG in memory.</summary>
    [Benchmark]
    public IReadOnlyList<RenderedChart> Charts()
    {
        _method = nameof(Charts);
        return RunCharts.Render(_run!);
    }

    /// <summary>The chart files, <c>cases.csv</c>, <c>report.md</c> and <c>report.html</c> from the run and charts.</summary>
    [Benchmark]
    public ReportFiles Write()
    {
        _method = nameof(Write);
        return ReportWriter.Write(_run!, _charts);
    }

    /// <summary>The whole report from the folder, as <c>slmbench report</c> makes it: read, charts, write.</summary>
    [Benchmark]
    public ReportFiles Report()
    {
        _method = nameof(Report);
        return RunReport.Generate(_folder);
    }
}
