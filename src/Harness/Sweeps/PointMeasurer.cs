using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Scheduling;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>
/// Measures one repetition of an overlapping point (more than one request in flight) against the run's one meter: the scheduler sends
/// the point's prompts with <see cref="SweepPoint.InFlight"/> in flight; the point's window runs from the first request's start to the last
/// one's end; each request gets its attributed share of the window (<see cref="PointEnergy.Attribute"/>); the steady state is measured
/// over its own interval (<see cref="PointEnergy.SteadyInterval"/>). A failed request fails its own record only.
/// </summary>
/// <param name="meter">The run's meter session.</param>
/// <param name="meterOptions">Its options (<c>Meter:IntervalMs</c> sets the shortest steady state, two intervals; <c>Meter:MinCoverage</c>).</param>
public sealed class PointMeasurer(IPowerMeter meter, MeterOptions meterOptions)
{
    /// <summary>
    /// Runs and measures the point: returns one record per item of <paramref name="unmeasured"/> (same order; passed with attributed energy,
    /// or failed with the reason) and the point's record (window, steady state, attribution check).
    /// </summary>
    /// <param name="unmeasured">One failed-by-default record per prompt, carrying the point, prompt and unit.</param>
    /// <param name="point">The point (its <see cref="SweepPoint.InFlight"/> slots).</param>
    /// <param name="send">Sends one record's request; throws <see cref="BackendException"/> when the backend fails it.</param>
    /// <param name="idle">The unit's idle power (edges idle-attributed, net figures), or null (edges pro rata, no net figures).</param>
    /// <param name="failed">Told of each failed request (its case key in words and the reason), e.g. to count consecutive backend failures.</param>
    /// <param name="cancellationToken">Stops the point; the requests in flight end with it.</param>
    public async Task<(IReadOnlyList<CaseRecord> Cases, PointRecord Point)> MeasureAsync(IReadOnlyList<CaseRecord> unmeasured, SweepPoint point,
        Func<CaseRecord, CancellationToken, Task<CompletionResult>> send, IdleMeasurement? idle, Action<CaseRecord, string>? failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unmeasured);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(send);
        var answers = await RequestScheduler.RunAsync(unmeasured, point.InFlight, async (record, _, ct) =>
        {
            try
            {
                return (Completion: await send(record, ct).ConfigureAwait(false), Error: (string?)null);
            }
            catch (BackendException e)
            {
                failed?.Invoke(record, e.Message);
                return (Completion: (CompletionResult?)null, Error: e.Message);
            }
        }, cancellationToken).ConfigureAwait(false);

        var cases = answers.Select(a => a.Result.Error is { } error
            ? unmeasured[a.Index] with { Problems = [error] }
            : unmeasured[a.Index] with
            {
                Completion = a.Result.Completion,
                TokensPerSecond = a.Result.Completion!.CompletionTokens / a.Result.Completion.WallSeconds,
                WordsPerSecond = a.Result.Completion.WordCount / a.Result.Completion.WallSeconds,
            }).ToList();
        var answered = answers.Where(a => a.Result.Completion is not null).ToList();
        var spans = answered.Select(a => new RequestSpan(a.Result.Completion!.StartS, a.Result.Completion.EndS, a.Slot, a.Result.Completion.Stream, a.Result.Completion.CompletionTokens)).ToList();
        var first = unmeasured[0];
        var pointRecord = new PointRecord
        {
            RunId = first.RunId,
            Unit = first.Unit,
            Runtime = first.Runtime,
            Model = first.Model,
            Point = point,
            Repetition = first.Repetition,
            Outcome = "failed",
            Requests = unmeasured.Count,
            Answered = answered.Count,
            Provenance = meter.Provenance,
            Idle = idle,
            CompletionTokens = answered.Sum(a => a.Result.Completion!.CompletionTokens ?? 0),
        };
        if (spans.Count == 0)
            return (cases, pointRecord with { Problems = ["no request of the point was answered: see its cases"] });

        WindowEnergy window;
        try
        {
            window = await meter.MeasureAsync(spans.Min(s => s.StartS), spans.Max(s => s.EndS), cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            return ([.. cases.Select(c => c.Completion is null ? c : c with { Problems = [e.Message] })], pointRecord with { Problems = [e.Message] });
        }

        if (idle is not null)
            window = EdgeAttribution.Apply(window, idle.PowerW);
        var provenance = meter.Provenance with { EdgeRule = EdgeRules.Describe(window.EdgeRule) };
        var shares = PointEnergy.Attribute(window, meter.SamplesIn(window.StartS, window.EndS), spans);
        var totalJ = window.Domains.GetValueOrDefault(Domains.Total)?.Joules;
        var windowNet = idle?.Net(window);
        for (var i = 0; i < answered.Count; i++)
        {
            var index = answered[i].Index;
            var completion = answered[i].Result.Completion!;
            var own = new WindowEnergy(completion.StartS, completion.EndS,
                shares[i].ToDictionary(d => d.Key, d => new DomainEnergy(d.Value, d.Value / completion.WallSeconds, window.Domains[d.Key].PeakPowerW), StringComparer.Ordinal),
                window.SampleCount, window.Coverage)
            {
                EdgeRule = window.EdgeRule,
                TotalOf = window.TotalOf,
                Approximation = $"attributed: this request's share of the point's window {window.StartS:0.###}-{window.EndS:0.###} s ({point.InFlight} in flight), " + EnergyAttribution.ByActiveTime,
            };
            var share = totalJ is > 0 ? shares[i].GetValueOrDefault(Domains.Total) / totalJ.Value : 0;
            var problems = CaseValidator.Check(completion, own, meterOptions);
            cases[index] = cases[index] with
            {
                Energy = new CaseEnergy(provenance, own)
                {
                    Idle = idle,
                    NetJoules = windowNet?.ToDictionary(d => d.Key, d => d.Value * (window.Domains[d.Key].Joules > 0 ? own.Domains[d.Key].Joules / window.Domains[d.Key].Joules : 0), StringComparer.Ordinal),
                    Attribution = new EnergyAttribution(EnergyAttribution.ByActiveTime, share, window.StartS, window.EndS,
                        window.Domains.ToDictionary(d => d.Key, d => d.Value.Joules, StringComparer.Ordinal)),
                },
                Problems = problems,
                Outcome = problems.Count == 0 ? "passed" : "failed",
            };
        }

        var steady = await SteadyAsync(spans, point, idle, cancellationToken).ConfigureAwait(false);
        var pointProblems = cases.Where(c => c.Problems.Count > 0).Select(c => $"prompt {c.PromptOrdinal + 1}: {string.Join(" | ", c.Problems)}").ToList();
        return (cases, pointRecord with
        {
            Provenance = provenance,
            Window = window,
            SteadyState = steady,
            AttributedJoules = answered.Select((_, i) => shares[i].GetValueOrDefault(Domains.Total)).Sum(),
            TokensPerSecond = pointRecord.CompletionTokens / window.DurationS,
            Problems = pointProblems,
            Outcome = pointProblems.Count == 0 ? "passed" : "failed",
        });
    }

    /// <summary>The steady state of the answered requests, measured over its own interval with pro-rata edges (both sides of each edge are busy).</summary>
    private async Task<SteadyState> SteadyAsync(IReadOnlyList<RequestSpan> spans, SweepPoint point, IdleMeasurement? idle, CancellationToken cancellationToken)
    {
        var interval = PointEnergy.SteadyInterval(spans, point.InFlight, 2 * meterOptions.IntervalMs / 1000.0, out var reason);
        if (interval is not { } at)
            return new SteadyState(false, reason, 0, 0, null, null, null, null);
        WindowEnergy energy;
        try
        {
            energy = await meter.MeasureAsync(at.StartS, at.EndS, cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            return new SteadyState(false, "not measured: " + e.Message, at.StartS, at.EndS, null, null, null, null);
        }

        var (tokens, estimated) = PointEnergy.TokensIn(spans, at.StartS, at.EndS);
        return new SteadyState(true, null, at.StartS, at.EndS,
            energy.Domains.ToDictionary(d => d.Key, d => d.Value.Joules, StringComparer.Ordinal),
            idle?.Net(energy), tokens, estimated ? SteadyState.ProRataTokens : SteadyState.StreamedTokens);
    }
}
