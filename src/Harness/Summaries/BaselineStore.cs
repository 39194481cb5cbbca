using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// Baselines on disk, one JSON file per machine, profile and model:
/// <c>&lt;root&gt;/&lt;machine key&gt;/&lt;profile&gt;/&lt;model&gt;.json</c>, every part file-name safe.
/// </summary>
public static partial class BaselineStore
{
    private static readonly JsonSerializerOptions Strict = new(ResultsJson.Indented)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// A stable, file-name-safe key of the machine: the CPU model without trademark marks, the words
    /// <c>CPU</c> and <c>Processor</c> and the "N-Core" count (e.g. <c>AMD EPYC 7B13 64-Core Processor</c> →
    /// <c>amd-epyc-7b13</c>), or, when the CPU model is unknown, the first word of the OS and the architecture
    /// (<c>darwin-arm64</c>); then the logical core count with a <c>c</c> (<c>-2c</c>). Lower case, <c>[a-z0-9-]</c> only.
    /// </summary>
    public static string MachineKey(MachineInfo machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var cpu = string.IsNullOrWhiteSpace(machine.CpuModel)
            ? $"{machine.Os.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "unknown"} {machine.Architecture}"
            : CpuNoise().Replace(machine.CpuModel, " ");
        return FileSafe($"{cpu} {machine.LogicalCores}c");
    }

    /// <summary>Where the baseline of <paramref name="model"/> on that machine and profile lives.</summary>
    public static string PathFor(string baselinesRoot, string machineKey, string profile, string model) =>
        Path.Combine(baselinesRoot, FileSafe(machineKey), FileSafe(profile), FileSafe(model) + ".json");

    /// <summary>
    /// Lower case; every run of characters other than <c>a-z</c> and <c>0-9</c> becomes one <c>-</c>, none at
    /// either end: <c>Llama 3.2 1B Instruct</c> → <c>llama-3-2-1b-instruct</c>.
    /// </summary>
    public static string FileSafe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = new StringBuilder(name.Length);
        foreach (var ch in name.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                s.Append(ch);
            else if (s.Length > 0 && s[^1] != '-')
                s.Append('-');
        }

        var safe = s.ToString().TrimEnd('-');
        return safe.Length > 0 ? safe : throw new ArgumentException($"'{name}' has no letter or digit to name a file after.", nameof(name));
    }

    /// <summary>The baseline at <paramref name="path"/>; null when there is none. A file that cannot be read as one throws <see cref="InvalidDataException"/>.</summary>
    public static Baseline? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Strict)
                ?? throw Corrupt(path, "it holds null", null);
        }
        catch (JsonException e)
        {
            throw Corrupt(path, e.Message, e);
        }
    }

    /// <summary>
    /// Writes <paramref name="baseline"/> to <paramref name="path"/> atomically, creating its folders; an
    /// <see cref="IOException"/> that says what to do when the folder cannot be written (the previous baseline, if any, is intact).
    /// </summary>
    public static void Save(string path, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(baseline, ResultsJson.Indented));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"The baseline of '{baseline.Model}' could not be written to {path} ({e.Message}). This run ({baseline.RunId}) and its results are " +
                "unaffected, and an earlier baseline there is intact. Make Regression:BaselinesDirectory a folder you can write (or point it at another one) " +
                "and accept again with ENERGYBENCH_ACCEPT_BASELINE=1.", e);
        }
    }

    /// <summary>
    /// A baseline of <paramref name="model"/> from a run's cases (other models' cases are ignored): one point per
    /// passed case, ordered by prompt ordinal and repetition, and the model's summary. Every passed case must
    /// have a completion and total-domain energy.
    /// </summary>
    public static Baseline From(
        string machineKey, string profile, string model, string backend, EnergyProvenance meter, string runId,
        DateTimeOffset createdUtc, IReadOnlyList<CaseRecord> cases, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var points = cases
            .Where(c => c.Unit == model && c.Outcome == "passed")
            .OrderBy(c => c.PromptOrdinal).ThenBy(c => c.Repetition)
            .Select(Point)
            .ToArray();
        return new Baseline(machineKey, profile, model, backend, meter, runId, createdUtc, points, ModelSummaries.Of(model, cases, seed));
    }

    private static BaselinePoint Point(CaseRecord c)
    {
        var total = ModelSummaries.Total(c);
        if (c.Completion is null || total is null)
        {
            throw new ArgumentException(
                $"Case {c.Model} prompt {c.PromptOrdinal} repetition {c.Repetition} passed without a completion or total energy: a baseline needs both.");
        }

        return new BaselinePoint(c.PromptOrdinal, c.PromptDatasetIndex, c.Repetition, total.Joules, c.Completion.WallSeconds, ModelSummaries.NetTotal(c));
    }

    private static InvalidDataException Corrupt(string path, string cause, Exception? inner) =>
        new($"The baseline {path} is corrupt: {cause}. Delete it, or accept a new baseline over it.", inner);

    [GeneratedRegex(@"\((?:r|tm|c)\)|\b(?:cpu|processor)\b|\b\d+-core\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CpuNoise();
}
