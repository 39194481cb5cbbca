using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkiaSharp;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>
/// Opens report.html, with the charts RunCharts really draws, in headless Chromium: every chart image loads, the response holding a script runs nothing and
/// shows as text, and the page draws something. Where Chromium is absent they fail under CI (the environment variable CI set)
/// and are skipped elsewhere, saying to run apt-get install chromium (<see cref="Chromium.Require"/>).
/// </summary>
public sealed partial class HtmlReportBrowserTests
{
    /// <summary>
    /// The one script the test adds: after load, it writes into &lt;pre id="check"&gt; what the browser made of the
    /// page. Its needle is built from pieces so that the script's own text never contains it.
    /// </summary>
    private const string CheckScript = """
        <script>
        window.onload = function () {
          var images = Array.prototype.slice.call(document.images);
          var needle = '<scr' + 'ipt>document.title=' + "'pwned'" + '</scr' + 'ipt>';
          var shown = Array.prototype.some.call(document.querySelectorAll('body *'), function (e) {
            return e.tagName !== 'SCRIPT' && e.textContent.indexOf(needle) >= 0;
          });
          var check = document.createElement('pre');
          check.id = 'check';
          check.textContent = JSON.stringify({
            images: images.length,
            loaded: images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
            title: document.title,
            scripts: document.scripts.length,
            escapedShown: shown
          });
          document.body.appendChild(check);
        };
        </script>
        """;

    [Fact]
    public async Task Report_InChromium_LoadsEveryChartRunsNoDataScriptAndShowsItAsText()
    {
        Chromium.Require();
        var run = RunDataReader.Read(RunCopies.WithFirstResponse(RunCopies.ScriptResponse));
        var charts = RunCharts.Render(run);
        charts.Should().HaveCount(12, "the fixed run draws six bar charts, time vs energy, three power timelines and two published comparisons");
        var report = ReportWriter.Write(run, charts).Html;
        var checkedPage = Path.Combine(run.Directory, "report-check.html");
        var html = File.ReadAllText(report);
        File.WriteAllText(checkedPage, html.Replace("</body>", CheckScript + "\n</body>", StringComparison.Ordinal));

        var dom = await Chromium.DumpDomAsync(checkedPage);

        var match = CheckResult().Match(dom);
        match.Success.Should().BeTrue($"the check script must have run; the DOM was: {dom[..Math.Min(dom.Length, 500)]}");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var r = result.RootElement;
        r.GetProperty("images").GetInt32().Should().Be(charts.Count);
        r.GetProperty("loaded").GetInt32().Should().Be(charts.Count, "every chart image must decode");
        r.GetProperty("title").GetString().Should().Be($"SlmEnergyBench run {run.RunId} (fake)").And.NotContain("pwned");
        r.GetProperty("scripts").GetInt32().Should().Be(1, "only the test's own script may exist");
        r.GetProperty("escapedShown").GetBoolean().Should().BeTrue("the response must show as text");
    }

    [Fact]
    public async Task Report_InChromium_ScreenshotIsAPictureNotABlankPage()
    {
        Chromium.Require();
        var run = RunDataReader.Read(RunCopies.WithFirstResponse(RunCopies.ScriptResponse));
        var report = ReportWriter.Write(run, RunCharts.Render(run)).Html;
        var png = Path.Combine(run.Directory, "screenshot.png");

        await Chromium.ScreenshotAsync(report, png);

        using var bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull("the screenshot must be a PNG");
        bitmap.Width.Should().Be(1280);
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 7)
        {
            for (var x = 0; x < bitmap.Width; x += 7)
                colours.Add(bitmap.GetPixel(x, y));
        }

        colours.Should().HaveCountGreaterThan(10, "a drawn report has text, tables and charts, not one flat colour");
    }

    [GeneratedRegex("""<pre id="check">(.*?)</pre>""", RegexOptions.Singleline)]
    private static partial Regex CheckResult();
}
