using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Resume;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Suite;

public sealed partial class BenchmarkSession
{
    /// <summary>
    /// Runs repetition <paramref name="repetition"/> (1-based) of unit <paramref name="unit"/>'s overlapping point (its
    /// <see cref="SweepPoint.InFlight"/> above 1): warm-up if this is the unit's first, an idle pause, then all the run's prompts with that
    /// many in flight, measured by <see cref="PointMeasurer"/>. Records every request (valid or not) and the point
    /// (<c>points.jsonl</c>), and returns them. A point whose requests were all kept from an earlier segment is not measured again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session is not open, already finished, or the unit's point does not overlap (use <see cref="RunCaseAsync(string, int, int, CancellationToken)"/>).</exception>
    public async Task<PointRun> RunPointAsync(string unit, int repetition, CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        var point = _routing.UnitOf(unit).Point;
        if (point is not { Overlaps: true } && RunUnits.Find(Config.Options, unit) is not null)
            throw new InvalidOperationException($"'{unit}' runs one request at a time: run its cases one by one (RunCaseAsync).");
        _cancelled |= cancellationToken.IsCancellationRequested;
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFinished();
            _watch?.WarnAtStart(Observer);
            var prompts = Prompts!.Prompts;
            var kept = prompts.Select(p => _state!.KeptRecord(new CaseKey(unit, p.Ordinal, repetition))).ToList();
            if (kept.All(k => k is not null))
            {
                foreach (var k in kept)
                    Report(k!, kept: true);
                return new PointRun([.. kept.Select(k => k!)], null);
            }

            var unmeasured = prompts.Select(p => _routing.Unmeasured(Results.RunId, unit, p) with { Repetition = repetition }).ToList();
            IReadOnlyList<CaseRecord> cases;
            PointRecord? record = null;
            try
            {
                if (await PrepareUnitAsync(unit, cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    cases = [.. unmeasured.Select(u => u with { Problems = [problem] })];
                }
                else
                {
                    var (backend, served) = _routing.BackendOf(unit);
                    var answered = 0;
                    var progressGate = new Lock();
                    (cases, record) = await new PointMeasurer(_meter!, Config.Options.Meter).MeasureAsync(unmeasured, point!,
                        async (r, ct) =>
                        {
                            var completion = await backend.CompleteAsync(_routing.Request(unit, served, r.PromptText), ct).ConfigureAwait(false);
                            _state!.BackendAnswered();
                            lock (progressGate)
                                Observer?.RequestAnswered(unit, ++answered, unmeasured.Count);
                            return completion;
                        },
                        _warmups!.IdleOf(unit), (r, error) => _state!.BackendFailed(CaseKey.Of(r).ToString(), error), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _cancelled = true;
                foreach (var u in unmeasured)
                    Record(u with { Outcome = "cancelled", Problems = ["the test run was cancelled during this point"] });
                throw;
            }

            foreach (var c in cases)
                Record(c);
            if (record is not null && Volatile.Read(ref _interrupted) == 0)
            {
                record = record with { Segment = Segment };
                Results!.AppendPoint(record);
            }

            return new PointRun(cases, record);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
