using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Unit.Suite;

public sealed class ProgressLineTests
{
    /// <summary>The fixture run's first case: Llama 3.2 1B Instruct, 9.52043314671218 J total (simulated), 295.2653797352187 tok/s.</summary>
    private static CaseRecord First() =>
        RunDataReader.Read(Path.Combine(TestRepository.Root, "fixtures", "runs", "20261126-202418-fake")).Cases[0];

    [Fact]
    public void Format_PassedCase_ShowsCountsTimesAndTheLastCasesMarkedEnergy()
    {
        var line = ProgressLine.Format(new CaseProgress(First(), Kept: false, Done: 12, Total: 36, Failed: 1, ElapsedS: 42.4, EtaS: 3725));

        line.Should().Be("Progress: 12 of 36 cases (1 failed) | Llama 3.2 1B Instruct | elapsed 0:42 | ETA 1:02:05 | last case 9.520 J (SIMULATED), 295.3 tok/s");
    }

    [Fact]
    public void Format_KeptCancelledAndFailedCases_SayWhatHappenedInsteadOfFigures()
    {
        var record = First();

        ProgressLine.Format(new CaseProgress(record, true, 3, 36, 0, 0.2, null)).Should().EndWith("| ETA ? | last case kept from an earlier segment");
        ProgressLine.Format(new CaseProgress(record with { Outcome = "cancelled", Problems = ["cancelled"] }, false, 3, 36, 1, 5, 60))
            .Should().EndWith("| last case CANCELLED (no measurement; a resumption measures it)");
        ProgressLine.Format(new CaseProgress(record with { Outcome = "failed", Problems = ["server refused", "second"] }, false, 3, 36, 1, 5, 60))
            .Should().EndWith("| last case FAILED: server refused");
    }

    [Fact]
    public void ShouldPrint_QuickCases_PrintsTheFirstEveryFifthAModelChangeAFailureAndTheLast()
    {
        var throttle = new ProgressThrottle();
        var record = First();
        var printed = new List<int>();

        for (var done = 1; done <= 12; done++)
        {
            var r = done == 9 ? record with { Problems = ["x"] } : done >= 11 ? record with { Model = "other" } : record;
            if (throttle.ShouldPrint(new CaseProgress(r, false, done, 12, 0, done * 0.5, 1)))
                printed.Add(done);
        }

        // 1 first; 6 five later; 9 failed; 11 new model; 12 last (none 10 s apart at 0.5 s a case).
        printed.Should().Equal(1, 6, 9, 11, 12);
    }

    [Fact]
    public void ShouldPrint_SlowCases_PrintsEveryTenSeconds()
    {
        var throttle = new ProgressThrottle();
        var record = First();

        var printed = Enumerable.Range(1, 6).Where(done => throttle.ShouldPrint(new CaseProgress(record, false, done, 100, 0, done * 6.0, 1))).ToList();

        // Cases end at 6, 12, 18, 24, 30, 36 s: the first (6 s), then 18 s (12 s after it; 12 s is only 6 s after), then 30 s.
        printed.Should().Equal(1, 3, 5);
    }
}
