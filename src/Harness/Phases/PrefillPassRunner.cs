using System.Globalization;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// Runs a case's prefill pass (<c>Protocol:PrefillPass</c>): after the case's own request has been measured, an idle pause,
/// then the same prompt with max tokens 1 (same model, temperature, top-p and seed), measured as its own window with the
/// case's edge rule. After the full request, not before, so the case's own request runs exactly as without the option.
/// </summary>
/// <remarks>
/// A server that caches prompts would answer the pass's prompt from its cache (the full request just evaluated it): the pass
/// is then not a prefill and is marked invalid, from what the server reveals (llama-server's <c>cache_n</c>, an engine that
/// evaluated fewer prompt tokens than the prompt has). A failed pass never fails its case.
/// </remarks>
internal sealed class PrefillPassRunner(IPowerMeter meter, SessionClock clock, BenchOptions options, double pauseS)
{
    /// <summary>The pass's split, or null with the reason it has none.</summary>
    public async Task<(PhaseSplit? Split, string? Missing)> RunAsync(ICompletionBackend backend, CaseRecord record, WindowEnergy full,
        IdleMeasurement? idle, CancellationToken cancellationToken)
    {
        var g = options.Generation;
        var completion = record.Completion!;
        await clock.DelayAsync(pauseS, cancellationToken).ConfigureAwait(false);
        CompletionResult pass;
        WindowEnergy window;
        try
        {
            pass = await backend.CompleteAsync(new CompletionRequest(completion.RequestedModel, record.PromptText, 1, g.Temperature, g.TopP, g.Seed), cancellationToken).ConfigureAwait(false);
            window = await meter.MeasureAsync(pass.StartS, pass.EndS, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BackendException or MeterException)
        {
            return (null, "the prefill pass failed: " + e.Message);
        }

        if (idle is not null)
            window = EdgeAttribution.Apply(window, idle.PowerW);
        var promptTokens = pass.PromptTokens ?? completion.PromptTokens;
        var split = PrefillPassSplit.Of(full, completion.CompletionTokens, window, promptTokens, idle, meter.SamplesIn(Math.Min(pass.StartS, full.StartS), Math.Max(pass.EndS, full.EndS)), Problem(pass, window, promptTokens));
        return (split, null);
    }

    /// <summary>Why the pass is no prefill measurement; null when it is one.</summary>
    private string? Problem(CompletionResult pass, WindowEnergy window, int? promptTokens)
    {
        var expected = pass.ExpectedServedModel ?? pass.RequestedModel;
        if (!string.Equals(pass.ServedModel, expected, StringComparison.Ordinal))
            return $"the prefill pass was answered by '{pass.ServedModel}', not '{expected}'";
        if (pass.CompletionTokens is > 1)
            return string.Create(CultureInfo.InvariantCulture, $"the backend ignored max tokens 1: the prefill pass generated {pass.CompletionTokens} tokens");
        if (pass.Engine?.CachedPromptTokens is > 0 and var cached)
            return string.Create(CultureInfo.InvariantCulture, $"the server took {cached} prompt tokens of the prefill pass from its cache, so the pass did not evaluate the whole prompt");
        if (pass.Engine is { PromptTokens: var evaluated } && promptTokens is { } prompt && evaluated < prompt)
            return string.Create(CultureInfo.InvariantCulture, $"the engine evaluated {evaluated} of the prompt's {prompt} tokens in the prefill pass (the rest came from a cache)");
        if (window.Coverage < options.Meter.MinCoverage)
            return string.Create(CultureInfo.InvariantCulture, $"samples cover {window.Coverage * 100:0.0}% of the prefill pass's window, below Meter:MinCoverage {options.Meter.MinCoverage * 100:0.0}%");
        return window.Domains.ContainsKey(Domains.Total) ? null : "the meter reported no total for the prefill pass's window";
    }
}
