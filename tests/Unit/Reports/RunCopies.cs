using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>Copies of the fixed run, edited as their files (never the fixture itself).</summary>
internal static class RunCopies
{
    public const string ScriptResponse = "<script>document.title='pwned'</script><b>bold</b>";

    /// <summary>A copy whose first case's response is <paramref name="text"/>, edited in cases.jsonl as JSON.</summary>
    public static string WithFirstResponse(string text)
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var lines = File.ReadAllLines(path);
        var first = JsonNode.Parse(lines[0])!;
        first["completion"]!["text"] = text;
        lines[0] = first.ToJsonString();
        File.WriteAllLines(path, lines);
        return dir;
    }

    /// <summary>A copy whose first case failed with <paramref name="problem"/> (model name with a pipe, to test escaping).</summary>
    public static string WithFirstCaseFailed(string problem)
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var lines = File.ReadAllLines(path);
        var first = JsonNode.Parse(lines[0])!;
        first["outcome"] = "failed";
        first["problems"] = new JsonArray(problem, "second problem");
        lines[0] = first.ToJsonString();
        File.WriteAllLines(path, lines);
        return dir;
    }

    /// <summary>A copy whose energy is marked estimated in cases.jsonl and run.json.</summary>
    public static string Estimated()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        Replace(Path.Combine(dir, RunDataReader.CasesFile), "\"method\":\"measured\"", "\"method\":\"estimated\"");
        Replace(Path.Combine(dir, RunDataReader.ManifestFile), "\"method\": \"measured\"", "\"method\": \"estimated\"");
        return dir;
    }

    private static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        text.Should().Contain(from, "the fixture must hold what the test edits");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
