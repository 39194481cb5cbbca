using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Unit.Reports.Charts;

public sealed class RunChartsTests
{
    private static readonly string[] BarStems =
    [
        RunCharts.InferenceTime, RunCharts.TokensPerSecond, RunCharts.WordsPerSecond,
        RunCharts.ResponsesPerSecond, RunCharts.AveragePower, RunCharts.EnergyPerResponse,
    ];

    private static readonly string[] EnergyStems =
    [
        RunCharts.AveragePower, RunCharts.EnergyPerResponse, RunCharts.TimeVsEnergy,
        "power-llama-3-2-1b-instruct", "power-llama-3-2-3b-instruct", "power-llama-3-8b-instruct",
        RunCharts.PublishedJoulesPerToken, RunCharts.PublishedJoulesPerResponse,
    ];

    /// <summary>The bar charts with a bar per domain beside each model's total.</summary>
    private static readonly string[] DomainStems = [RunCharts.AveragePower, RunCharts.EnergyPerResponse];

    /// <summary>The fixed run's domains as its meter (powermetrics) reports them, the total first.</summary>
    private static readonly string[] Bars = [Domains.Total, Domains.Cpu, Domains.Gpu, Domains.Ane];

    /// <summary>
    /// How many bars per model of <paramref name="stem"/> draw an error bar: one per model, or, in a chart per domain, the
    /// total's, cpu's and gpu's; the fake's ane is 0 J in every case, an interval [0, 0] with nothing to draw.
    /// </summary>
    private static int ErrorBarsPerModel(string stem) => DomainStems.Contains(stem) ? 3 : 1;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<(RunData Run, IReadOnlyList<RenderedChart> Charts)> FakeRun = new(() =>
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        return (run, RunCharts.Render(run));
    });

    private static RenderedChart Chart(string stem) => FakeRun.Value.Charts.Single(c => c.FileStem == stem);

    private static string[] Texts(RenderedChart chart) =>
        [.. XDocument.Parse(chart.Svg).Descendants(Svg + "text").Select(t => t.Value.Trim())];

    private static XElement[] Filled(RenderedChart chart, string hex) =>
        [.. XDocument.Parse(chart.Svg).Descendants().Where(e => string.Equals((string?)e.Attribute("fill"), hex, StringComparison.OrdinalIgnoreCase))];

    private static int PixelsOf(RenderedChart chart, string hex)
    {
        using var bitmap = SKBitmap.Decode(chart.Png);
        var colour = SKColor.Parse(hex);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red == colour.Red && p.Green == colour.Green && p.Blue == colour.Blue)
                    count++;
            }
        }

        return count;
    }

    /// <summary>The error bars' segments: ScottPlot draws each error bar as three (cap, stem, cap) in one path.</summary>
    private static int ErrorBarSegments(RenderedChart chart) =>
        XDocument.Parse(chart.Svg).Descendants(Svg + "path")
            .Where(p => string.Equals((string?)p.Attribute("stroke"), ChartPalette.ErrorBarHex, StringComparison.OrdinalIgnoreCase))
            .Sum(p => ((string?)p.Attribute("d") ?? "").Count(ch => ch == 'M'));

    private static RunData ReadRewritten(Func<string, string> runJson, Func<string, string> caseLine)
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var manifest = Path.Combine(dir, RunDataReader.ManifestFile);
        File.WriteAllText(manifest, runJson(File.ReadAllText(manifest)));
        var cases = Path.Combine(dir, RunDataReader.CasesFile);
        File.WriteAllLines(cases, File.ReadAllLines(cases).Select(caseLine));
        return RunDataReader.Read(dir);
    }

    [Fact]
    public void Render_FakeRun_GivesEveryChartInReportOrder()
    {
        var stems = FakeRun.Value.Charts.Select(c => c.FileStem);

        stems.Should().Equal(
            "inference-time", "tokens-per-second", "words-per-second", "responses-per-second", "average-power",
            "energy-per-response", "time-vs-energy", "power-llama-3-2-1b-instruct", "power-llama-3-2-3b-instruct",
            "power-llama-3-8b-instruct", "published-joules-per-token", "published-joules-per-response");
    }

    [Fact]
    public void Render_FakeRun_EveryChartIsAPngAndAnSvgDocument()
    {
        byte[] pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        foreach (var chart in FakeRun.Value.Charts)
        {
            chart.Png.Take(8).Should().Equal(pngSignature, chart.FileStem);
            XDocument.Parse(chart.Svg).Root!.Name.Should().Be(Svg + "svg", chart.FileStem);
            Texts(chart).Should().Contain(chart.Title, chart.FileStem);
            chart.Caption.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Render_FakeRun_BarChartsNameAndColourEveryModelInSvgAndPng()
    {
        var models = FakeRun.Value.Run.Models;

        foreach (var stem in BarStems)
        {
            var chart = Chart(stem);
            chart.Series.Should().Equal(DomainStems.Contains(stem) ? [.. models, .. Bars] : models, stem);
            var texts = Texts(chart);
            foreach (var (model, index) in models.Select((m, i) => (m, i)))
            {
                var hex = ChartPalette.HexForModel(index);
                texts.Should().Contain(model, stem);
                Filled(chart, hex).Should().ContainSingle(e => e.Name == Svg + "rect", $"{stem} has one bar of {model}'s colour {hex}");
                PixelsOf(chart, hex).Should().BeGreaterThan(500, $"{stem} shows {model}'s bar in the PNG");
            }
        }
    }

    [Fact]
    public void Render_FakeRun_BarChartsHaveOneErrorBarPerModel()
    {
        var models = FakeRun.Value.Run.Models.Count;

        foreach (var stem in BarStems)
        {
            var bars = ErrorBarsPerModel(stem);
            ErrorBarSegments(Chart(stem)).Should().Be(3 * models * bars, $"{stem} has a cap, a stem and a cap per bar with an interval ({bars} per model)");
        }
    }

    [Fact]
    public void Render_FakeRun_BarsShowTheMeansOfThePassedCases()
    {
        var summary = FakeRun.Value.Run.Summary.Models[0];
        var latency = summary.Metrics[MetricNames.LatencyS].Mean;
        var joules = summary.Metrics[MetricNames.JoulesPerResponse].Mean;

        Texts(Chart(RunCharts.InferenceTime)).Should().Contain(ChartText.Number(latency) + " s");
        Texts(Chart(RunCharts.ResponsesPerSecond)).Should().Contain(ChartText.Number(1 / latency) + " resp/s");
        Texts(Chart(RunCharts.EnergyPerResponse)).Should().Contain("total " + ChartText.Number(joules) + " J");
        Chart(RunCharts.ResponsesPerSecond).Caption.Should().Contain("1 / the mean inference time").And.Contain("inverted");
        Chart(RunCharts.EnergyPerResponse).Caption.Should().Contain("95% bootstrap confidence interval").And.Contain("powermetrics").And.Contain("cpu+gpu+ane");
    }

    [Fact]
    public void Render_FakeRun_TimeVsEnergyHasALegendAndPointsPerModel()
    {
        var chart = Chart(RunCharts.TimeVsEnergy);
        var models = FakeRun.Value.Run.Models;

        chart.Series.Should().Equal(models);
        Texts(chart).Should().Contain(models);
        foreach (var index in Enumerable.Range(0, models.Count))
            PixelsOf(chart, ChartPalette.HexForModel(index)).Should().BeGreaterThan(50);
    }

    [Fact]
    public void Render_FakeRun_PowerChartsShadeEveryRequestAndLabelTheIdleLevel()
    {
        var run = FakeRun.Value.Run;

        foreach (var (model, index) in run.Models.Select((m, i) => (m, i)))
        {
            var chart = Chart("power-" + model.ToLowerInvariant().Replace(' ', '-').Replace('.', '-'));
            var requests = run.Cases.Count(c => c.Model == model);
            var idleWatts = run.Manifest.Idle.Single(i => i.Label == "before " + model).PowerW[Domains.Total];

            chart.Series.Should().Equal(model, Domains.Cpu, Domains.Gpu, Domains.Ane);
            Filled(chart, ChartPalette.HexForModel(index))
                .Count(e => e.Name == Svg + "rect" && e.Attribute("fill-opacity") is not null)
                .Should().BeGreaterThanOrEqualTo(requests, $"each of {model}'s requests is a shaded span");
            Texts(chart).Should().Contain("idle " + idleWatts.ToString("0.00", CultureInfo.InvariantCulture) + " W");
            chart.Title.Should().Contain(model);
        }
    }

    [Fact]
    public void Render_FakeRun_PublishedChartsLabelEveryPublishedFigureAndThisRun()
    {
        var perToken = Texts(Chart(RunCharts.PublishedJoulesPerToken));
        var perResponse = Texts(Chart(RunCharts.PublishedJoulesPerResponse));

        perToken.Should().Contain("LLaMA 7B, NVIDIA A100, batch 64, GPU only");
        perToken.Should().Contain(PublishedFigures.All.Where(f => f.JoulesPerToken is not null).Select(f => f.Label));
        perResponse.Should().Contain(PublishedFigures.All.Where(f => f.JoulesPerResponse is not null).Select(f => f.Label));
        perResponse.Should().NotContain(PublishedFigures.ForScale.Select(f => f.Label), "they publish no J/response");
        foreach (var texts in new[] { perToken, perResponse })
        {
            texts.Should().Contain("This run: Llama 3.2 1B Instruct, fake backend (simulated), batch 1, cpu+gpu+ane (powermetrics), SIMULATED");
            texts.Should().Contain(t => t.StartsWith("This run: Llama 3 8B Instruct", StringComparison.Ordinal));
        }

        perToken.Should().Contain(["0.01", "0.1", "1"], "the value axis is logarithmic with decade ticks");
        perResponse.Should().Contain(["1", "10", "100", "1000"], "the value axis is logarithmic with decade ticks");

        ErrorBarSegments(Chart(RunCharts.PublishedJoulesPerResponse)).Should().Be(3 * 3, "this run's J/response has its CI");
        Chart(RunCharts.PublishedJoulesPerToken).Caption.Should().Contain("batch size and hardware").And.Contain("orders of magnitude");
    }

    [Fact]
    public void Render_FakeRun_EnergyBarsShowEachDomainsMeanBesideTheTotalWithALegend()
    {
        var models = FakeRun.Value.Run.Models;
        var means = HandMeans();

        foreach (var (stem, field, unit) in new[] { (RunCharts.EnergyPerResponse, "joules", "J"), (RunCharts.AveragePower, "averagePowerW", "W") })
        {
            var chart = Chart(stem);
            var texts = Texts(chart);
            texts.Should().Contain(Bars, $"{stem}'s legend names every domain");
            foreach (var model in models)
            {
                foreach (var domain in Bars)
                    texts.Should().Contain($"{domain} {ChartText.Number(means[(model, domain, field)])} {unit}", $"{stem}: {model}'s {domain} bar");
            }

            chart.Caption.Should().Contain("the total domain's in the model's colour, then each domain's (cpu, gpu, ane) in lighter tints");
        }

        // Llama 3.2 1B: gpu (8.681 + 1.441 + 1.041 + 9.009) / 4 = 5.043 J over its 4 cases (cases.jsonl), to 3 digits.
        Texts(Chart(RunCharts.EnergyPerResponse)).Should().Contain("gpu 5.04 J");
    }

    [Fact]
    public void Render_FakeRun_PowerChartsDrawALinePerDomainBesideTheTotal()
    {
        foreach (var stem in new[] { "power-llama-3-2-1b-instruct", "power-llama-3-2-3b-instruct", "power-llama-3-8b-instruct" })
        {
            var chart = Chart(stem);

            Texts(chart).Should().Contain(["total power per meter sample", "cpu power", "gpu power", "ane power"], stem);
            chart.Caption.Should().Contain("and each domain's (cpu, gpu, ane) as a patterned line", stem);
        }
    }

    [Fact]
    public void Render_FakeRun_EnergyChartsSaySimulatedAndNeverMeasured()
    {
        foreach (var stem in EnergyStems)
        {
            var chart = Chart(stem);
            chart.Title.Should().Contain("SIMULATED", stem);
            chart.Caption.Should().Contain("SIMULATED by a fake meter that the suite ships", stem);
        }

        foreach (var chart in FakeRun.Value.Charts)
        {
            MethodWords.MeasuredClaims(chart.Title).Should().BeEmpty(chart.FileStem);
            MethodWords.MeasuredClaims(chart.Caption).Should().BeEmpty(chart.FileStem);
            MethodWords.MeasuredClaims(string.Join("\n", Texts(chart))).Should().BeEmpty(chart.FileStem);
        }
    }

    [Fact]
    public void Render_ImportedRun_EnergyChartsSayImported()
    {
        var charts = RunCharts.Render(RunDataReader.Read(RunCopies.WithMethod("imported")));

        foreach (var stem in EnergyStems)
        {
            var chart = charts.Single(c => c.FileStem == stem);
            chart.Title.Should().Contain("IMPORTED", stem);
            chart.Caption.Should().Contain("IMPORTED from another study's samples", stem);
            MethodWords.MeasuredClaims(chart.Title + "\n" + chart.Caption).Should().BeEmpty(stem);
        }
    }

    /// <summary>
    /// The mean over each model's cases of each domain's window joules or average power, read straight from the fixture's
    /// cases.jsonl as JSON (not through the product's summaries).
    /// </summary>
    private static Dictionary<(string Model, string Domain, string Field), double> HandMeans()
    {
        var records = File.ReadAllLines(Path.Combine(ReportFixtures.FakeRun, "cases.jsonl"))
            .Where(l => l.Length > 0).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToArray();
        var means = new Dictionary<(string, string, string), double>();
        foreach (var model in records.Select(r => (string)r["model"]!).Distinct())
        {
            foreach (var domain in Bars)
            {
                foreach (var field in new[] { "joules", "averagePowerW" })
                {
                    var values = records.Where(r => (string)r["model"]! == model)
                        .Select(r => (double)r["energy"]!["window"]!["domains"]![domain]![field]!).ToArray();
                    means[(model, domain, field)] = values.Sum() / values.Length;
                }
            }
        }

        return means;
    }

    [Fact]
    public void Render_EstimatedRun_EnergyChartsSayEstimatedAndTimeChartsDoNot()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());

        var charts = RunCharts.Render(run);

        run.Method.Should().Be(EnergyMethod.Estimated);
        foreach (var stem in EnergyStems)
        {
            var chart = charts.Single(c => c.FileStem == stem);
            chart.Title.Should().Contain("ESTIMATED", stem);
            chart.Caption.Should().Contain("ESTIMATED", stem);
            Texts(chart).Should().Contain(chart.Title, stem);
        }

        foreach (var stem in new[] { RunCharts.InferenceTime, RunCharts.TokensPerSecond })
            charts.Single(c => c.FileStem == stem).Title.Should().NotContain("ESTIMATED", stem);
        Texts(charts.Single(c => c.FileStem == RunCharts.PublishedJoulesPerToken))
            .Where(t => t.StartsWith("This run:", StringComparison.Ordinal))
            .Should().HaveCount(3).And.OnlyContain(t => t.Contains("ESTIMATED", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ModelWithoutPassedCases_IsLeftOutOfTheBarCharts()
    {
        const string failing = "Llama 3 8B Instruct";
        var run = ReadRewritten(
            json => json,
            line => line.Contains($"\"model\":\"{failing}\"", StringComparison.Ordinal)
                ? line.Replace("\"outcome\":\"passed\"", "\"outcome\":\"failed\"", StringComparison.Ordinal)
                : line);

        var charts = RunCharts.Render(run);

        foreach (var stem in BarStems)
        {
            var chart = charts.Single(c => c.FileStem == stem);
            var bars = DomainStems.Contains(stem) ? Bars.Length : 1;
            chart.Series.Take(2).Should().Equal(["Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct"], stem);
            chart.Series.Should().HaveCount(bars == 1 ? 2 : 2 + bars, stem);
            Texts(chart).Should().NotContain(failing, stem);
            Filled(chart, ChartPalette.HexForModel(2)).Should().BeEmpty(stem);
            ErrorBarSegments(chart).Should().Be(3 * 2 * ErrorBarsPerModel(stem), stem);
        }

        charts.Single(c => c.FileStem == RunCharts.TimeVsEnergy).Series.Should().NotContain(failing);
        charts.Single(c => c.FileStem == RunCharts.PublishedJoulesPerToken).Series.Should().NotContain(s => s.StartsWith("This run: " + failing, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ModelWithOnePassedCase_DrawsNoErrorBarForItAndSaysSo()
    {
        const string single = "Llama 3.2 1B Instruct";
        var run = RunDataReader.Read(RunCopies.WithOnePassedCase(single));

        var charts = RunCharts.Render(run);

        foreach (var stem in BarStems)
        {
            var chart = charts.Single(c => c.FileStem == stem);
            chart.Series.Should().Contain(single, stem);
            ErrorBarSegments(chart).Should().Be(3 * 2 * ErrorBarsPerModel(stem), $"{stem}: only the two models with four cases have an interval");
            chart.Caption.Should().Contain($"No error bar for {single} (n = 1): fewer than two passed cases give no interval.", stem);
        }

        var published = charts.Single(c => c.FileStem == RunCharts.PublishedJoulesPerResponse);
        ErrorBarSegments(published).Should().Be(3 * 2);
        published.Caption.Should().Contain($"No error bar for {single} (n = 1)");
        Chart(RunCharts.EnergyPerResponse).Caption.Should().NotContain("No error bar");
    }

    [Fact]
    public void Render_RunWithoutIdleMeasurement_PowerCaptionMentionsNoGreyWindow()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var manifest = Path.Combine(dir, RunDataReader.ManifestFile);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        node["idle"] = new System.Text.Json.Nodes.JsonArray();
        File.WriteAllText(manifest, node.ToJsonString());

        var charts = RunCharts.Render(RunDataReader.Read(dir));

        var power = charts.Where(c => c.FileStem.StartsWith("power-", StringComparison.Ordinal)).ToArray();
        power.Should().HaveCount(3);
        power.Should().OnlyContain(c => !c.Caption.Contains("grey", StringComparison.Ordinal) && c.Caption.Contains("no idle measurement before this model", StringComparison.Ordinal));
        Chart("power-llama-3-2-1b-instruct").Caption.Should().Contain("grey: the idle window");
    }
}
