using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Unit.Reports.Sweep;

/// <summary>
/// Hand-made sweeping runs on the fixed fake run's manifest: case records and point records built here with round figures, so each
/// test's expected numbers are worked out by hand from the figures below. Energy is the total domain only.
/// </summary>
internal static class SweepRuns
{
    public const string Model = "Llama 3.2 1B Instruct";

    /// <summary>A point of the server sweep: concurrency <paramref name="n"/> at the fake run's temperature 0.7 and max tokens 256.</summary>
    public static SweepPoint Concurrency(int n) => new($"concurrency {n}", 0.7, 256, n, 1, 0);

    /// <summary>A point of a temperature sweep at one request at a time.</summary>
    public static SweepPoint Temperature(double t) => new(FormattableString.Invariant($"temperature {t}"), t, 256, 1, 1, 0);

    /// <summary>One request of <paramref name="point"/>: <paramref name="tokens"/> output tokens, <paramref name="joules"/> J (attributed when the point overlaps), <paramref name="wallS"/> s.</summary>
    public static CaseRecord Case(
        SweepPoint point, int prompt, int tokens, double joules, double wallS, double? ttftS = null, string model = Model, string outcome = "passed")
    {
        var template = Template.Cases.First(c => c.Outcome == "passed");
        var start = 10.0 + prompt;
        var window = new WindowEnergy(start, start + wallS, new Dictionary<string, DomainEnergy> { [Domains.Total] = new(joules, joules / wallS, joules / wallS) }, 10, 1);
        return template with
        {
            Model = model,
            Point = point,
            PromptOrdinal = prompt,
            PromptDatasetIndex = prompt,
            Outcome = outcome,
            Problems = outcome == "passed" ? [] : ["the server answered 500"],
            Completion = template.Completion! with { StartS = start, EndS = start + wallS, CompletionTokens = tokens, TimeToFirstTokenS = ttftS },
            TokensPerSecond = tokens / wallS,
            Energy = new CaseEnergy(template.Energy!.Provenance, window)
            {
                Attribution = point.Overlaps ? new EnergyAttribution(EnergyAttribution.ByActiveTime, 0.5, 0, 5, new Dictionary<string, double> { [Domains.Total] = 10 }) : null,
            },
            Phases = null,
        };
    }

    /// <summary>The point record of an overlapping <paramref name="point"/>: its window's and the attributed total J, and its steady state.</summary>
    public static PointRecord Point(SweepPoint point, double windowJ, double attributedJ, SteadyState steady, int tokens, double windowS, string model = Model) => new()
    {
        RunId = Template.RunId,
        Unit = $"{model} / {point.Label}",
        Model = model,
        Point = point,
        Outcome = "passed",
        Requests = 2,
        Answered = 2,
        Provenance = Template.Cases[0].Energy!.Provenance,
        Window = new WindowEnergy(0, windowS, new Dictionary<string, DomainEnergy> { [Domains.Total] = new(windowJ, windowJ / windowS, windowJ / windowS) }, 50, 1),
        SteadyState = steady,
        AttributedJoules = attributedJ,
        CompletionTokens = tokens,
    };

    /// <summary>A reached steady state over [<paramref name="startS"/>, <paramref name="endS"/>] with gross (and net) total J and tokens.</summary>
    public static SteadyState Reached(double startS, double endS, double joules, double? net, double tokens) => new(
        true, null, startS, endS,
        new Dictionary<string, double> { [Domains.Total] = joules },
        net is { } n ? new Dictionary<string, double> { [Domains.Total] = n } : null,
        tokens, SteadyState.StreamedTokens);

    /// <summary>A steady state that was not reached, for <paramref name="reason"/>.</summary>
    public static SteadyState NotReached(string reason) => new(false, reason, 0, 0, null, null, null, null);

    /// <summary>
    /// The concurrency sweep of <see cref="Model"/>:
    /// concurrency 1: two requests of 100 and 200 tokens, 10 and 30 J, 2 and 4 s (no overlap, no point record);
    /// concurrency 4: two requests of 100 tokens each, attributed 4 and 6 J, 3 and 5 s, TTFT 0.5 and 1.5 s; window 10.01 J; steady state
    /// 1 to 3 s with 6 J gross, 4 J net, 150 tokens;
    /// concurrency 64 (with <paramref name="with64"/>): two requests of 50 tokens, attributed 1 J each, 6 and 8 s; window 2 J; steady state
    /// 0.5 to 1.5 s with 1.2 J and 40 tokens, or not reached when <paramref name="reached64"/> is false.
    /// </summary>
    public static RunData ConcurrencySweep(bool with64 = true, bool reached64 = true)
    {
        var c1 = Concurrency(1);
        var c4 = Concurrency(4);
        var c64 = Concurrency(64);
        List<CaseRecord> cases =
        [
            Case(c1, 0, 100, 10, 2), Case(c1, 1, 200, 30, 4),
            Case(c4, 0, 100, 4, 3, 0.5), Case(c4, 1, 100, 6, 5, 1.5),
        ];
        List<PointRecord> points = [Point(c4, 10.01, 10, Reached(1, 3, 6, 4, 150), 200, 5)];
        if (with64)
        {
            cases.AddRange([Case(c64, 0, 50, 1, 6), Case(c64, 1, 50, 1, 8)]);
            points.Add(Point(c64, 2, 2, reached64 ? Reached(0.5, 1.5, 1.2, null, 40) : NotReached("fewer prompts (2) than slots (64)"), 100, 8));
        }

        return With(cases, points);
    }

    /// <summary>
    /// A temperature sweep of <see cref="Model"/> at one request at a time: temperature 0, 0.7, 1.4 with two requests each of
    /// (100, 120), (150, 170), (300, 340) tokens and (10, 12), (15, 17), (30, 34) J, 2 s each.
    /// </summary>
    public static RunData TemperatureSweep()
    {
        List<CaseRecord> cases = [];
        foreach (var (t, tokens, joules) in new[] { (0.0, (100, 120), (10.0, 12.0)), (0.7, (150, 170), (15.0, 17.0)), (1.4, (300, 340), (30.0, 34.0)) })
        {
            cases.Add(Case(Temperature(t), 0, tokens.Item1, joules.Item1, 2));
            cases.Add(Case(Temperature(t), 1, tokens.Item2, joules.Item2, 2));
        }

        return With(cases, []);
    }

    /// <summary>The fixed fake run with <paramref name="cases"/> and <paramref name="points"/> in place of its own, summarised again.</summary>
    public static RunData With(IReadOnlyList<CaseRecord> cases, IReadOnlyList<PointRecord> points) =>
        Template with { Cases = cases, Summary = RunSummary.Of(Template.RunId, cases), Points = points };

    private static RunData Template { get; } = RunDataReader.Read(ReportFixtures.FakeRun);
}
