using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.HtmlText;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>The end of <c>report.html</c>: the run manifest as the file holds it, and relative links to every raw file.</summary>
internal static class HtmlRunFiles
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Append(StringBuilder html, RunData run, IReadOnlyList<RenderedChart> charts)
    {
        html.Append("<section id=\"manifest\">\n<h2>Run manifest</h2>\n<details><summary>")
            .Append(Encode(RunDataReader.ManifestFile)).Append(": configuration, machine, backend, meter, prompts, idle power</summary>\n<pre class=\"json\">")
            .Append(Encode(ManifestJson(run))).Append("</pre>\n</details>\n</section>\n");

        html.Append("<section id=\"files\">\n<h2>Files of this run</h2>\n<ul class=\"files\">\n");
        foreach (var file in RawFiles(run))
            html.Append("<li>").Append(FileLink(file)).Append("</li>\n");
        foreach (var chart in charts)
        {
            html.Append("<li>").Append(FileLink($"charts/{chart.FileStem}.png")).Append(", ")
                .Append(FileLink($"charts/{chart.FileStem}.svg", "svg")).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    /// <summary>The raw files a reader may want, relative to the run folder; summary.json and seed-analysis.json only when present.</summary>
    public static IEnumerable<string> RawFiles(RunData run)
    {
        yield return RunDataReader.ManifestFile;
        yield return RunDataReader.CasesFile;
        yield return RunDataReader.SamplesFile;
        if (File.Exists(Path.Combine(run.Directory, SummaryWriter.FileName)))
            yield return SummaryWriter.FileName;
        yield return CasesCsv.FileName;
        yield return MarkdownReport.FileName;
        if (run.SeedAnalysis is not null || File.Exists(Path.Combine(run.Directory, RunDataReader.SeedAnalysisFile)))
            yield return RunDataReader.SeedAnalysisFile;
    }

    /// <summary>run.json pretty-printed as the file holds it; the manifest as read when the file cannot be parsed again.</summary>
    private static string ManifestJson(RunData run)
    {
        var path = Path.Combine(run.Directory, RunDataReader.ManifestFile);
        try
        {
            if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is { } node)
                return node.ToJsonString(Pretty);
        }
        catch (JsonException)
        {
        }

        return JsonSerializer.Serialize(run.Manifest, ResultsJson.Indented);
    }
}
