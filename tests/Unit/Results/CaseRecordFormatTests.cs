using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;
using Snapshooter.Xunit3;

namespace SlmEnergyBench.Unit.Results;

/// <summary>
/// Pins the results format a user's scripts read (<c>cases.jsonl</c>) and the output line, on a fixed record.
/// A change here is a change of the file format: accept it deliberately (delete the snapshot and rerun).
/// </summary>
public sealed class CaseRecordFormatTests
{
    [Fact]
    public void CaseRecord_Serialized_MatchesTheSnapshot()
    {
        var json = JsonSerializer.Serialize(Fixed(), ResultsJson.Indented);

        Snapshot.Match(json);
    }

    [Fact]
    public void CaseLine_FixedRecord_MatchesTheSnapshot()
    {
        Snapshot.Match(CaseLine.Format(Fixed()));
    }

    /// <summary>
    /// The fixed record. Its counts are the text's, counted by hand: " An atom has a nucleus of protons and neutrons,
    /// with electrons around it." is 13 words (An, atom, has, a, nucleus, of, protons, and, neutrons, with, electrons,
    /// around, it) and 73 characters (60 in the words with their comma and full stop, 12 spaces between them, 1
    /// leading space); 13 words and 17 tokens in 2 s give 6.5 words/s and 8.5 tokens/s.
    /// </summary>
    internal static CaseRecord Fixed() => new()
    {
        RunId = "20261126-101500-fake",
        Model = "Llama 3.2 1B Instruct",
        PromptOrdinal = 2,
        PromptDatasetIndex = 2,
        Repetition = 1,
        PromptText = "Describe the structure of an atom.",
        Outcome = "passed",
        Completion = new CompletionResult
        {
            RequestedModel = "Llama 3.2 1B Instruct",
            ServedModel = "Llama 3.2 1B Instruct",
            Text = " An atom has a nucleus of protons and neutrons, with electrons around it.",
            StartS = 12.5,
            EndS = 14.5,
            PromptTokens = 8,
            CompletionTokens = 17,
            PromptTokensSource = TokenCountSource.ServerUsage,
            CompletionTokensSource = TokenCountSource.ServerUsage,
            WordCount = 13,
            WordRule = "uax29-icu-dictionary",
            CharacterCount = 73,
            FinishReason = "stop",
            TimeToFirstTokenS = 0.125,
            PrefillS = 0.1,
            DecodeS = 1.9,
            Engine = new EngineTimings("llama.cpp llama_perf_context", 8, 95.5, 16, 1880),
        },
        TokensPerSecond = 8.5,
        WordsPerSecond = 6.5,
        Energy = new CaseEnergy(
            new EnergyProvenance("powermetrics", [Domains.Cpu, Domains.Gpu, Domains.Ane, Domains.Total], EnergyMethod.Measured,
                "processor.*_energy", "Apple's estimates"),
            new WindowEnergy(12.5, 14.5, new Dictionary<string, DomainEnergy>
            {
                [Domains.Cpu] = new(2, 1, 1.25),
                [Domains.Gpu] = new(30, 15, 16.5),
                [Domains.Ane] = new(0, 0, 0),
                [Domains.Total] = new(32, 16, 17.75),
            }, 21, 1))
        {
            Idle = new IdleMeasurement("before Llama 3.2 1B Instruct", 3.0, 8.0,
                new Dictionary<string, double> { [Domains.Cpu] = 0.5, [Domains.Gpu] = 0.25, [Domains.Ane] = 0, [Domains.Total] = 0.75 }, 48, 1),
            NetJoules = new Dictionary<string, double> { [Domains.Cpu] = 1, [Domains.Gpu] = 29.5, [Domains.Ane] = 0, [Domains.Total] = 30.5 },
        },

        // The harness's CPU over the 2 s window: 0.0125 s of the test program + 0.004 s of the meter's process = 0.0165 s (no engine in process).
        Harness = new CaseHarnessCost(2.0004, 0.0125, 0.004, 1.25, 0.0165),
    };
}
