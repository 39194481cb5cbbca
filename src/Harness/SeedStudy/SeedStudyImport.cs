using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Harness.SeedStudy;

/// <summary>
/// Turns the seed study's <c>results_&lt;i&gt;.json</c> into a run folder of this project (<c>run.json</c>,
/// <c>cases.jsonl</c>, <c>samples.jsonl</c>) plus <c>seed-analysis.json</c> (<see cref="SeedStudyAnalysis.Compare"/>),
/// so the study's data goes through the same summaries, reports and comparisons as a run of this project.
/// Sample and request times are inferred (<see cref="SeedStudyTimeline"/>).
/// </summary>
public static class SeedStudyImport
{
    public const string Profile = "seed-import";
    public const string DefaultModel = "Llama 3.2 1B Instruct";
    public const string SeedAnalysisFile = RunDataReader.SeedAnalysisFile;

    /// <summary>The command the study ran to sample power.</summary>
    public const string StudyMeterCommand = "sudo powermetrics --format plist -i 100 -s battery,cpu_power";

    /// <summary>
    /// Imports <paramref name="resultsFile"/> into a new run folder under <paramref name="resultsRoot"/> and returns its path.
    /// The file is read and checked before anything is written; if writing fails, the new folder is deleted.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON, holds no record, or a record is bad (named with its field).</exception>
    public static string Import(string resultsFile, string resultsRoot, string model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(resultsFile);
        ArgumentNullException.ThrowIfNull(resultsRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(resultsFile))
            throw new FileNotFoundException($"{resultsFile}: no such file. Give the seed study's results_<i>.json, e.g. ../shared/seed-study/results_0.json.", resultsFile);

        var fullPath = Path.GetFullPath(resultsFile);
        var records = SeedStudyReader.Read(fullPath);
        if (records.Count == 0)
            throw new InvalidDataException($"{fullPath}: holds no record; there is nothing to import.");
        var analysis = SeedStudyAnalysis.Compare(records);
        var sha256 = FileSha256.OfFileAsync(fullPath, CancellationToken.None).GetAwaiter().GetResult();
        var placed = SeedStudyTimeline.Place(records);
        var meter = Provenance(records, placed);

        var startedUtc = time.GetUtcNow();
        var writer = ResultsWriter.Create(resultsRoot, Profile, startedUtc);
        try
        {
            using (writer)
            {
                for (var i = 0; i < records.Count; i++)
                    writer.AppendCase(Case(writer.RunId, model, i, records[i], placed[i], meter));
                writer.AppendSamples([.. placed.SelectMany(p => p.Samples)]);
                AtomicFile.WriteAllText(
                    Path.Combine(writer.Directory, SeedAnalysisFile),
                    System.Text.Json.JsonSerializer.Serialize(analysis, ResultsJson.Indented));
                writer.WriteManifest(Manifest(writer.RunId, fullPath, sha256, resultsRoot, model, records.Count, meter, startedUtc, time.GetUtcNow()));
            }

            return writer.Directory;
        }
        catch
        {
            Directory.Delete(writer.Directory, recursive: true);
            throw;
        }
    }

    private static EnergyProvenance Provenance(IReadOnlyList<SeedStudyRecord> records, IReadOnlyList<PlacedRecord> placed)
    {
        var samples = records.Sum(r => r.EnergyMetrics.Count);
        var seconds = placed.Sum(p => p.EndS - p.StartS);
        var coverage = samples * SeedStudyRecord.NominalSampleIntervalSeconds / seconds;
        var notes = SeedStudyTimeline.InferredTimesStatement
                    + " cpu = cpuPowerMw, gpu = gpuPowerMw, total = combinedPowerMw (CPU + GPU as powermetrics reports it; no ANE, no DRAM)."
                    + " The study's server kept only the latest powermetrics sample and its client polled it every 100 ms, so a sample can be missed or read twice;"
                    + FormattableString.Invariant($" {samples} samples arrived for {seconds:0.###} s of requests, {coverage:0.###} of the nominal one per 100 ms (the study's flaw 1).")
                    + " The study never checked which model GPT4All served (it serves its default for an unknown name): servedModel repeats the requested name."
                    + " The study measured no idle power, so there is no net energy. Apple documents powermetrics' figures as estimates not comparable across devices.";
        return new EnergyProvenance(
            "powermetrics (seed study)",
            SeedStudyTimeline.ImportedDomains,
            EnergyMethod.Imported,
            $"{StudyMeterCommand}: processor cpu_power, gpu_power and combined_power in mW per sample, read by position from the plist by the study's Node server",
            notes);
    }

    private static CaseRecord Case(string runId, string model, int index, SeedStudyRecord record, PlacedRecord placed, EnergyProvenance meter)
    {
        var duration = placed.EndS - placed.StartS;
        var words = TextMetrics.CountWords(record.Output);
        var powers = record.EnergyMetrics.Select(SeedStudyTimeline.PowerW).ToList();
        var domains = SeedStudyTimeline.ImportedDomains.ToDictionary(
            d => d,
            d =>
            {
                var mean = powers.Average(p => p[d]);
                return new DomainEnergy(mean * duration, mean, powers.Max(p => p[d]));
            },
            StringComparer.Ordinal);
        var n = record.EnergyMetrics.Count;
        var coverage = Math.Min(1, n * SeedStudyRecord.NominalSampleIntervalSeconds / duration);
        var live = new MeterOptions().MinCoverage;
        var belowLive = coverage < live
            ? FormattableString.Invariant($" Below live coverage: the samples cover {coverage * 100:0.0}% of the nominal one per 100 ms, less than the {live * 100:0.#}% (Meter:MinCoverage) a live case needs, which would fail such a case.")
            : "";
        var window = new WindowEnergy(placed.StartS, placed.EndS, domains, n, coverage)
        {
            Approximation = "Sample times inferred: the study recorded none, so this request's samples are spread evenly over its recorded duration "
                            + "and the request is placed right after the previous one; energy = mean power x duration." + belowLive,
        };

        return new CaseRecord
        {
            RunId = runId,
            Model = model,
            PromptOrdinal = index,
            PromptDatasetIndex = index,
            PromptText = record.Input,
            Outcome = "passed",
            Completion = new CompletionResult
            {
                RequestedModel = model,
                ServedModel = model,
                Text = record.Output,
                StartS = placed.StartS,
                EndS = placed.EndS,
                PromptTokens = record.InputToken,
                CompletionTokens = record.OutputToken,
                PromptTokensSource = TokenCountSource.ServerUsage,
                CompletionTokensSource = TokenCountSource.ServerUsage,
                WordCount = words,
                WordRule = TextMetrics.WordRule,
                CharacterCount = record.OutputLength,
                FinishReason = "",
            },
            TokensPerSecond = record.OutputToken / duration,
            WordsPerSecond = words / duration,
            Energy = new CaseEnergy(meter, window),
        };
    }

    private static RunManifest Manifest(string runId, string file, string sha256, string resultsRoot, string model, int count,
        EnergyProvenance meter, DateTimeOffset startedUtc, DateTimeOffset endedUtc) => new()
        {
            RunId = runId,
            Profile = Profile,
            ProfileChosenBy = $"imported from {file} (sha256 {sha256})",
            Overrides = [],
            Configuration = new BenchOptions
            {
                Profile = Profile,
                Models = [model],
                Backend = new BackendOptions { Kind = BackendKinds.Gpt4All, BaseUrl = "http://localhost:4891/v1", Endpoint = Endpoints.Completions },
                Prompts = new PromptOptions { Source = file, Sha256 = sha256, Pool = count, Count = count, Selection = PromptSelections.First },
                Generation = new GenerationOptions { Temperature = 0.7, MaxTokens = 1024 },
                Protocol = new ProtocolOptions { WarmupRequests = 1, PauseMs = 0, Repetitions = 1, IdleSeconds = 0 },
                Meter = new MeterOptions { Kind = MeterKinds.Powermetrics, IntervalMs = 100, Command = "powermetrics", SudoPrefix = "sudo", Samplers = "battery,cpu_power" },
                Results = new ResultsOptions { Directory = resultsRoot },
            },
            Machine = new MachineInfo("study machine", "macOS (MacBook Pro M1 Pro)", "arm64", 10, "Apple M1 Pro", 0, "GPT4All 3.7.0, Metal"),
            Backend = new BackendInfo("gpt4all (seed study, imported)", "http://localhost:4891/v1", Endpoints.Completions, "imported: the study's server, not probed by this project"),
            Meter = meter,
            Prompts = new PromptSource(file, sha256, count, "all records in file order", count),
            StartedUtc = startedUtc,
            EndedUtc = endedUtc,
            Status = "completed",
            CasesPassed = count,
            CasesFailed = 0,
            Idle = [],
        };
}
