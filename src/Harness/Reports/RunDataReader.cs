using System.Text.Json;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Reads a run folder written by <see cref="ResultsWriter"/>. A missing or unreadable file, or a bad line, throws
/// <see cref="RunDataException"/> naming the file and what to do. A bad LINE of <c>cases.jsonl</c> or
/// <c>samples.jsonl</c> is left out with a warning naming the file and line (<see cref="RunData.Warnings"/>), so
/// one broken record never loses the others and a crashed run can still be reported.
/// </summary>
public static class RunDataReader
{
    public const string ManifestFile = "run.json";
    public const string CasesFile = "cases.jsonl";
    public const string SamplesFile = "samples.jsonl";
    public const string SeedAnalysisFile = "seed-analysis.json";

    public static RunData Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
            throw new RunDataException($"{directory}: no such run folder. Give the folder of one run, e.g. results/20261126-193527-fake (list them with 'ls results').");

        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
            throw new RunDataException($"{manifestPath}: missing. A run folder holds run.json, cases.jsonl and samples.jsonl; is {directory} a run folder?");
        RunManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(manifestPath), ResultsJson.Indented)
                       ?? throw new RunDataException($"{manifestPath}: holds null instead of a run manifest.");
        }
        catch (JsonException e)
        {
            throw new RunDataException($"{manifestPath}: not a run manifest ({e.Message}). It may have been edited by hand or written by another tool.", e);
        }

        var warnings = new List<string>();
        var all = ReadLines<CaseRecord>(Path.Combine(directory, CasesFile), warnings, Check, Incomplete);
        var cases = LatestOfEachCase(all);
        var samples = ReadLines<MeterSample>(Path.Combine(directory, SamplesFile), warnings, Check);
        // Runs made before sweeps existed have no points file: none of their points overlapped.
        var pointsPath = Path.Combine(directory, ResultsWriter.PointsFile);
        var points = File.Exists(pointsPath) ? LatestOfEachPoint(ReadLines<PointRecord>(pointsPath, warnings, Check)) : [];
        return new RunData(directory, manifest, cases, samples, RunSummary.Of(manifest.RunId, cases), warnings)
        {
            Points = points,
            SeedAnalysis = ReadSeedAnalysis(Path.Combine(directory, SeedAnalysisFile)),
            Superseded = all.Count - cases.Count,
        };
    }

    /// <summary>
    /// The last record of each case (model, prompt, repetition), in file order: a resumed run measures a failed or cancelled
    /// case again and appends its new record, which replaces the earlier one.
    /// </summary>
    private static List<CaseRecord> LatestOfEachCase(List<CaseRecord> all)
    {
        var last = new Dictionary<Resume.CaseKey, int>();
        for (var i = 0; i < all.Count; i++)
            last[Resume.CaseKey.Of(all[i])] = i;
        return [.. all.Where((c, i) => last[Resume.CaseKey.Of(c)] == i)];
    }

    /// <summary>The last record of each point (unit, repetition), in file order: a resumed run measures a failed point again.</summary>
    private static List<PointRecord> LatestOfEachPoint(List<PointRecord> all)
    {
        var last = new Dictionary<(string, int), int>();
        for (var i = 0; i < all.Count; i++)
            last[(all[i].Unit, all[i].Repetition)] = i;
        return [.. all.Where((p, i) => last[(p.Unit, p.Repetition)] == i)];
    }

    private static string? Check(PointRecord p) =>
        p.Unit is null ? "has no unit" : p.Point is null ? "has no point" : p.Outcome is null ? "has no outcome" : null;

    private static SeedStudy.SeedStudyComparison? ReadSeedAnalysis(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<SeedStudy.SeedStudyComparison>(File.ReadAllText(path), ResultsJson.Indented)
                   ?? throw new RunDataException($"{path}: holds null instead of the seed study's analysis.");
        }
        catch (JsonException e)
        {
            throw new RunDataException($"{path}: not the seed study's analysis ({e.Message}). Import the study's file again with 'slmbench import-seed'.", e);
        }
    }

    private static string? Check(CaseRecord c) =>
        c.Model is null ? "has no model" : c.Outcome is null ? "has no outcome" : null;

    /// <summary>
    /// A readable record that the summaries cannot use in full: a passed case without a completion or without total
    /// energy (the harness never writes one; a hand-edited or foreign file can). Kept, and said.
    /// </summary>
    private static string? Incomplete(CaseRecord c) =>
        c.Outcome != "passed" ? null
        : c.Completion is null ? "is a passed case without a completion: its model's time and token figures leave it out"
        : c.Energy?.Window.Domains.ContainsKey(Domains.Total) != true ? "is a passed case without total energy: its model's energy figures leave it out"
        : null;

    private static string? Check(MeterSample s) =>
        s.EnergyJ is null ? "has no energyJ" : !(s.EndS > s.StartS) ? $"ends ({s.EndS}) before it starts ({s.StartS})" : null;

    /// <summary>
    /// Every readable line of a JSON-lines file. A bad line never loses the others: it is left out with a warning
    /// naming the file and line (a run stopped mid-write leaves an incomplete last line; a hand edit can break any).
    /// </summary>
    private static List<T> ReadLines<T>(string path, List<string> warnings, Func<T, string?> check, Func<T, string?>? incomplete = null)
    {
        if (!File.Exists(path))
            throw new RunDataException($"{path}: missing. The run folder is incomplete; a run writes this file as soon as it starts.");
        var lines = File.ReadAllLines(path);
        var items = new List<T>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            T? item;
            try
            {
                item = JsonSerializer.Deserialize<T>(lines[i], ResultsJson.Line);
            }
            catch (JsonException e) when (i == lines.Length - 1)
            {
                warnings.Add($"{path}, line {i + 1}: the last line is incomplete and was left out ({e.Message}); the run was probably stopped while writing it.");
                continue;
            }
            catch (JsonException e)
            {
                warnings.Add($"{path}, line {i + 1}: not a valid record, left out ({e.Message}). Each line must be one JSON object as the harness wrote it; "
                             + "the other lines are reported.");
                continue;
            }

            if ((item is null ? "is null" : check(item)) is { } problem)
            {
                warnings.Add($"{path}, line {i + 1}: the record {problem}; left out.");
                continue;
            }

            if (incomplete?.Invoke(item!) is { } gap)
                warnings.Add($"{path}, line {i + 1}: the record {gap}.");
            items.Add(item!);
        }

        return items;
    }
}
