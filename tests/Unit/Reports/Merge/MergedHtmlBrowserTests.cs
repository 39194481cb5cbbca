using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>
/// The merged report.html of three runs (fake, synthetic, imported seed study) opened in headless Chromium: it loads without a
/// script error, every chart image decodes, and every machine is apart and labelled in the summary table, the machines table and
/// every chart's alt text and caption. Fails under CI without Chromium, skipped elsewhere (<see cref="Chromium.Require"/>).
/// </summary>
public sealed partial class MergedHtmlBrowserTests
{
    /// <summary>
    /// The one script the test adds: it counts script errors from the start, and after load writes into &lt;pre id="check"&gt; what
    /// the browser made of the page.
    /// </summary>
    private const string CheckScript = """
        <script>
        var errors = [];
        window.addEventListener('error', function (e) { errors.push(String(e.message || e.type)); }, true);
        window.onload = function () {
          var images = Array.prototype.slice.call(document.images);
          function texts(selector) {
            return Array.prototype.map.call(document.querySelectorAll(selector), function (e) { return e.textContent; });
          }
          var check = document.createElement('pre');
          check.id = 'check';
          check.textContent = JSON.stringify({
            images: images.length,
            loaded: images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
            alts: images.map(function (i) { return i.alt; }),
            captions: texts('#charts figcaption'),
            summaryMachines: texts('#summary tbody tr > :nth-child(2)'),
            machines: texts('#machines tbody tr > :nth-child(1)'),
            errors: errors
          });
          document.body.appendChild(check);
        };
        </script>
        """;

    [Fact]
    public async Task MergedReport_InChromium_LoadsWithoutErrorsWithEveryMachineApartAndLabelled()
    {
        // Arrange
        Chromium.Require();
        var runs = ThreeMachines.Make();
        var merged = runs.Merge();
        var files = MergeWriter.Write(merged, Path.Combine(runs.Root, "merged"));
        var checkedPage = Path.Combine(runs.Root, "merged", "report-check.html");
        File.WriteAllText(checkedPage, File.ReadAllText(files.Html).Replace("<head>", "<head>\n" + CheckScript, StringComparison.Ordinal));
        var labels = merged.Machines.Select(m => m.Label).ToArray();

        // Act
        var dom = await Chromium.DumpDomAsync(checkedPage);

        // Assert
        var match = CheckResult().Match(dom);
        match.Success.Should().BeTrue($"the check script must have run; the DOM was: {dom[..Math.Min(dom.Length, 500)]}");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var r = result.RootElement;
        string[] Strings(string name) => [.. r.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
        Strings("errors").Should().BeEmpty("the page must load without a script error");
        r.GetProperty("images").GetInt32().Should().Be(5);
        r.GetProperty("loaded").GetInt32().Should().Be(5, "every chart image must decode");
        Strings("machines").Should().Equal(labels);
        // One row per (model, machine): the fake run's 3 models, the synthetic run's 2 and the study's 1, grouped by model.
        Strings("summaryMachines").Should().Equal(labels[0], labels[1], labels[2], labels[0], labels[1], labels[0]);
        Strings("alts").Should().HaveCount(5).And.OnlyContain(a => a.Contains("by machine", StringComparison.Ordinal));
        var captions = Strings("captions");
        captions.Should().HaveCount(5);
        foreach (var caption in captions)
            caption.Should().ContainAll(merged.Machines.Select(m => m.Legend));
    }

    [GeneratedRegex("""<pre id="check">(.*?)</pre>""", RegexOptions.Singleline)]
    private static partial Regex CheckResult();
}
