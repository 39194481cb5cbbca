using System.Text.Json;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Reads a run folder written by <see cref="ResultsWriter"/>. A missing or unreadable file, or a bad line, throws
/// <see cref="RunDataException"/> naming the file and line; only a truncated LAST line (a run still writing, or
/// stopped mid-line) is tolerated, with a warning, so a crashed run can still be reported.
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
        var cases = ReadLines<CaseRecord>(Path.Combine(directory, CasesFile), warnings, Check);
        var samples = ReadLines<MeterSample>(Path.Combine(directory, SamplesFile), warnings, Check);
        return new RunData(directory, manifest, cases, samples, RunSummary.Of(manifest.RunId, cases), warnings)
        {
            SeedAnalysis = ReadSeedAnalysis(Path.Combine(directory, SeedAnalysisFile)),
        };
    }

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

    private static string? Check(MeterSample s) =>
        s.EnergyJ is null ? "has no energyJ" : !(s.EndS > s.StartS) ? $"ends ({s.EndS}) before it starts ({s.StartS})" : null;

    private static List<T> ReadLines<T>(string path, List<string> warnings, Func<T, string?> check)
    {
        if (!File.Exists(path))
            throw new RunDataException($"{path}: missing. The run folder is incomplete; a run writes this file as soon as it starts.");
        var lines = File.ReadAllLines(path);
        var items = new List<T>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            try
            {
                var item = JsonSerializer.Deserialize<T>(lines[i], ResultsJson.Line);
                var problem = item is null ? "is null" : check(item);
                if (problem is not null)
                    throw new RunDataException($"{path}, line {i + 1}: the record {problem}.");
                items.Add(item!);
            }
            catch (JsonException e) when (i == lines.Length - 1)
            {
                warnings.Add($"{path}, line {i + 1}: the last line is incomplete and was left out ({e.Message}); the run was probably stopped while writing it.");
            }
            catch (JsonException e)
            {
                throw new RunDataException($"{path}, line {i + 1}: not a valid record ({e.Message}). Each line must be one JSON object as the harness wrote it.", e);
            }
        }

        return items;
    }
}
