using System.Text.Json.Nodes;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>
/// Runs to compare, made from the fixed fake run. Its 4 prompts per model are too few for any verdict (at least 6
/// pairs, and 8 for p &lt; 0.01), so <see cref="WideCopyOfFakeRun"/> repeats each case under three dataset-index offsets
/// (12 prompts per model), in a fresh temporary folder.
/// </summary>
internal static class RunComparisonFixtures
{
    private const int Copies = 3;
    private const int IndexOffset = 100;

    /// <summary>A copy of the fake run with 12 prompts per model, each case passed through <paramref name="edit"/>.</summary>
    public static string WideCopyOfFakeRun(Action<JsonObject>? edit = null)
    {
        var directory = ReportFixtures.CopyOfFakeRun();
        var cases = Path.Combine(directory, "cases.jsonl");
        var lines = File.ReadAllLines(cases).Where(l => l.Length > 0).ToList();
        var wide = new List<string>();
        for (var copy = 0; copy < Copies; copy++)
        {
            foreach (var line in lines)
            {
                var node = JsonNode.Parse(line)!.AsObject();
                node["promptDatasetIndex"] = node["promptDatasetIndex"]!.GetValue<int>() + (copy * IndexOffset);
                node["promptOrdinal"] = node["promptOrdinal"]!.GetValue<int>() + (copy * lines.Count);
                edit?.Invoke(node);
                wide.Add(node.ToJsonString());
            }
        }

        File.WriteAllLines(cases, wide);
        return directory;
    }

    /// <summary>Multiplies a case's total joules and its wall seconds (the end of its request window) by <paramref name="factor"/>.</summary>
    public static void Scale(JsonObject record, double factor)
    {
        var total = record["energy"]!["window"]!["domains"]!["total"]!.AsObject();
        total["joules"] = total["joules"]!.GetValue<double>() * factor;
        var completion = record["completion"]!.AsObject();
        var start = completion["startS"]!.GetValue<double>();
        var wall = (completion["endS"]!.GetValue<double>() - start) * factor;
        completion["endS"] = start + wall;
        completion["wallSeconds"] = wall;
    }

    /// <summary>Renames the run's meter in run.json.</summary>
    public static void SetMeter(string runDirectory, string meter)
    {
        var path = Path.Combine(runDirectory, "run.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest["meter"]!["meter"] = meter;
        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>Sets the method (as stored: measured, simulated, ...) of run.json's meter and, unless <paramref name="casesToo"/> is false, of every case's energy.</summary>
    public static void SetMethod(string runDirectory, string method, bool casesToo = true)
    {
        var path = Path.Combine(runDirectory, "run.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest["meter"]!["method"] = method;
        File.WriteAllText(path, manifest.ToJsonString());
        if (!casesToo)
            return;
        var cases = Path.Combine(runDirectory, "cases.jsonl");
        File.WriteAllLines(cases, File.ReadAllLines(cases).Where(l => l.Length > 0).Select(l =>
        {
            var node = JsonNode.Parse(l)!;
            node["energy"]!["provenance"]!["method"] = method;
            return node.ToJsonString();
        }));
    }
}
