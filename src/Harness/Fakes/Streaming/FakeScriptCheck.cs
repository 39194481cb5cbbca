using System.Globalization;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Fakes.Streaming;

/// <summary>
/// How far the streaming timings the client measured are from what a streaming fake scripted, over the cases of one run:
/// each passed case with streaming timings is matched with the first unused script of its runtime with the same prompt and
/// completion tokens (warm-ups have another prompt), then TTFT, the mean inter-token gap and every single gap are compared.
/// </summary>
/// <param name="Cases">Cases matched with a script.</param>
/// <param name="Unmatched">Passed streamed cases without a script (kept from an earlier segment, or another server).</param>
/// <param name="MaxTtftErrorS">Largest |measured TTFT - scripted TTFT| over the cases, s.</param>
/// <param name="MaxMeanItlErrorS">Largest |measured mean ITL - scripted gap| over the cases, s.</param>
/// <param name="MaxGapErrorS">Largest |one measured gap - scripted gap| over every gap of every case, s (timer and scheduling jitter).</param>
public sealed record FakeScriptCheck(int Cases, int Unmatched, double MaxTtftErrorS, double MaxMeanItlErrorS, double MaxGapErrorS)
{
    /// <summary>The bound the issue sets for TTFT and inter-token gaps against the script: 2 ms.</summary>
    public const double ToleranceS = 0.002;

    /// <summary>Whether TTFT and the mean inter-token gap of every case are within <see cref="ToleranceS"/> of the script.</summary>
    public bool Within => MaxTtftErrorS <= ToleranceS && MaxMeanItlErrorS <= ToleranceS;

    /// <summary>
    /// Compares <paramref name="records"/> with <paramref name="scripts"/> (runtime name, or null in a run of one runtime → what that
    /// runtime's fake scripted, in arrival order).
    /// </summary>
    public static FakeScriptCheck Of(IEnumerable<CaseRecord> records, IReadOnlyDictionary<string, IReadOnlyList<FakeTokenScript>> scripts)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(scripts);
        var used = new HashSet<FakeTokenScript>(ReferenceEqualityComparer.Instance);
        int cases = 0, unmatched = 0;
        double ttft = 0, meanItl = 0, gap = 0;
        foreach (var record in records.Where(r => r.Outcome == "passed" && r.Completion?.Stream is not null))
        {
            var stream = record.Completion!.Stream!;
            var script = scripts.GetValueOrDefault(record.Runtime ?? "")?.FirstOrDefault(s => !used.Contains(s)
                && s.Prompt == record.PromptText && s.CompletionTokens == stream.OutputTokens);
            if (script is null)
            {
                unmatched++;
                continue;
            }

            used.Add(script);
            cases++;
            ttft = Math.Max(ttft, Math.Abs(stream.TimeToFirstTokenS - script.TimeToFirstTokenS));
            if (stream.ItlMeanS is { } mean)
                meanItl = Math.Max(meanItl, Math.Abs(mean - script.GapS));
            for (var i = 1; i < stream.ChunkOffsetsS.Count; i++)
                gap = Math.Max(gap, Math.Abs(stream.ChunkOffsetsS[i] - stream.ChunkOffsetsS[i - 1] - script.GapS));
        }

        return new FakeScriptCheck(cases, unmatched, ttft, meanItl, gap);
    }

    /// <summary>One line with the figures in ms, e.g. <c>Streaming timings against the fakes' scripts over 36 cases: TTFT within 0.84 ms, ...</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Streaming timings against the fakes' scripts over {Cases} cases: TTFT within {MaxTtftErrorS * 1000:0.00} ms, mean inter-token gap within {MaxMeanItlErrorS * 1000:0.00} ms (bound {ToleranceS * 1000:0} ms: {(Within ? "met" : "NOT met")}); single gaps within {MaxGapErrorS * 1000:0.00} ms{(Unmatched > 0 ? $"; {Unmatched} streamed cases had no script (kept from an earlier segment)" : "")}.");
}
