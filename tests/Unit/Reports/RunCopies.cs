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
    public static string Estimated() => WithMethod("estimated");

    /// <summary>
    /// A copy whose energy is marked <paramref name="method"/> (as stored: measured, estimated, simulated, imported) in
    /// run.json and every case record, the fake meter's SIMULATED note taken out of the notes when the method is another.
    /// </summary>
    public static string WithMethod(string method)
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        Replace(Path.Combine(dir, RunDataReader.CasesFile), "\"method\":\"simulated\"", $"\"method\":\"{method}\"");
        Replace(Path.Combine(dir, RunDataReader.ManifestFile), "\"method\": \"simulated\"", $"\"method\": \"{method}\"");
        if (method != "simulated")
        {
            Replace(Path.Combine(dir, RunDataReader.CasesFile), SimulatedNote, "");
            Replace(Path.Combine(dir, RunDataReader.ManifestFile), SimulatedNote, "");
        }

        return dir;
    }

    /// <summary>The sentence the fake powermetrics meter puts before its notes, as the fixture's JSON holds it.</summary>
    private const string SimulatedNote =
        "SIMULATED: /work/main/fixtures/fake-powermetrics/powermetrics is a stand-in that the suite ships; its samples follow a simulated power state, not this machine\\u0027s hardware. ";

    /// <summary>A copy whose cases.jsonl is empty; run.json still counts its 12 cases.</summary>
    public static string WithoutCases()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        File.WriteAllText(Path.Combine(dir, RunDataReader.CasesFile), "");
        return dir;
    }

    /// <summary>A copy whose samples.jsonl is empty.</summary>
    public static string WithoutSamples()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        File.WriteAllText(Path.Combine(dir, RunDataReader.SamplesFile), "");
        return dir;
    }

    /// <summary>A copy without its last case record (run.json still counts it).</summary>
    public static string WithoutLastCase()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        File.WriteAllLines(path, lines[..^1]);
        return dir;
    }

    /// <summary>A copy where every case of <paramref name="model"/> but its first failed, leaving it one passed case.</summary>
    public static string WithOnePassedCase(string model)
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var seen = false;
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var node = JsonNode.Parse(l)!;
            if ((string?)node["model"] != model)
                return l;
            if (!seen)
            {
                seen = true;
                return l;
            }

            node["outcome"] = "failed";
            node["problems"] = new JsonArray("timed out");
            return node.ToJsonString();
        }).ToArray();
        seen.Should().BeTrue("the fixture must hold cases of " + model);
        File.WriteAllLines(path, lines);
        return dir;
    }

    /// <summary>A copy of a measured run (<see cref="WithMethod"/>) whose first <paramref name="count"/> cases' energy is marked estimated in cases.jsonl; run.json still says measured.</summary>
    public static string WithEstimatedCases(int count)
    {
        var dir = WithMethod("measured");
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        for (var i = 0; i < count; i++)
        {
            lines[i].Should().Contain("\"method\":\"measured\"");
            lines[i] = lines[i].Replace("\"method\":\"measured\"", "\"method\":\"estimated\"", StringComparison.Ordinal);
        }

        File.WriteAllLines(path, lines);
        return dir;
    }

    /// <summary>
    /// A copy whose cases.jsonl holds <paramref name="count"/> failed cases, copies of the fixture's cases in turn, each
    /// with a problem of <paramref name="problemLength"/> characters that mentions @octocat and #123.
    /// </summary>
    public static string WithManyFailures(int count, int problemLength)
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var path = Path.Combine(dir, RunDataReader.CasesFile);
        var source = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            var node = JsonNode.Parse(source[i % source.Length])!;
            node["repetition"] = (i / source.Length) + 1;
            node["outcome"] = "failed";
            var problem = $"case {i}: @octocat see #123 | <b>" + new string('x', problemLength);
            node["problems"] = new JsonArray(problem[..problemLength]);
            lines[i] = node.ToJsonString();
        }

        File.WriteAllLines(path, lines);
        return dir;
    }

    private static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        text.Should().Contain(from, "the fixture must hold what the test edits");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
