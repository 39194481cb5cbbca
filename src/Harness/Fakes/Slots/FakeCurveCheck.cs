using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Fakes.Slots;

/// <summary>
/// An overlapping point of a run checked against what is known independently of the measurement: its requests' attributed joules must sum
/// to its window's (within <see cref="AttributionTolerance"/>), and, when a batching fake served it, its steady-state J/token must equal the
/// fake's curve at its in-flight count (<see cref="FakeSlotCurve.SteadyStateJoulesPerToken"/>, within <see cref="CurveTolerance"/>).
/// </summary>
/// <param name="Unit">The point's unit label.</param>
/// <param name="InFlight">Requests in flight.</param>
/// <param name="MeasuredJoulesPerToken">Steady-state gross J/token measured; null when the steady state was not reached.</param>
/// <param name="ExpectedJoulesPerToken">The fake's curve; null when no batching fake served the point.</param>
/// <param name="AttributionError">(sum of attributed J - window J) / window J; null without a window.</param>
/// <param name="Reason">Why the steady state was not reached, or null.</param>
public sealed record FakeCurveCheck(string Unit, int InFlight, double? MeasuredJoulesPerToken, double? ExpectedJoulesPerToken, double? AttributionError, string? Reason)
{
    /// <summary>The bound on the steady-state J/token against the fake's curve: 2%.</summary>
    public const double CurveTolerance = 0.02;

    /// <summary>The bound on the attributed energies' sum against the window: 0.1%.</summary>
    public const double AttributionTolerance = 0.001;

    /// <summary>(measured - expected) / expected; null unless both are known.</summary>
    public double? CurveError => MeasuredJoulesPerToken is { } m && ExpectedJoulesPerToken is { } e && e > 0 ? (m - e) / e : null;

    /// <summary>Whether the point passes: attribution within its bound, and against a fake the steady state reached and within its bound.</summary>
    public bool Within =>
        AttributionError is { } a && Math.Abs(a) <= AttributionTolerance
        && (ExpectedJoulesPerToken is null || (CurveError is { } c && Math.Abs(c) <= CurveTolerance));

    /// <summary>One check per overlapping point of <paramref name="points"/>, the fakes' options taken from <paramref name="options"/> (per runtime when it has its own).</summary>
    public static IReadOnlyList<FakeCurveCheck> Of(IReadOnlyList<PointRecord> points, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        return [.. points.Select(p =>
        {
            var total = p.Window?.Domains.GetValueOrDefault(Domains.Total)?.Joules;
            double? attribution = total is > 0 && p.AttributedJoules is { } sum ? (sum - total.Value) / total.Value : null;
            return new FakeCurveCheck(p.Unit, p.Point.InFlight, p.SteadyState?.JoulesPerToken, Expected(p, options), attribution, p.SteadyState?.Reason);
        })];
    }

    /// <summary>The fake's curve for the point's model at its in-flight count; null when the point's runtime is not a batching fake.</summary>
    private static double? Expected(PointRecord p, BenchOptions options)
    {
        var runtime = p.Runtime is null ? null : options.Runtimes.FirstOrDefault(r => r.Name == p.Runtime);
        var backend = runtime?.Backend ?? options.Backend;
        var fake = runtime?.Fake ?? options.Fake;
        if (backend.Kind is not (BackendKinds.FakeOllama or BackendKinds.FakeOpenAi) || fake.Slots < p.Point.InFlight)
            return null;
        var served = runtime?.ServedName(p.Model) ?? p.Model;
        return fake.Models.Any(m => m.Name == served) ? FakeSlotCurve.SteadyStateJoulesPerToken(fake, served, p.Point.InFlight) : null;
    }

    /// <summary>E.g. <c>m / concurrency 4 (4 in flight): steady state 0.1985 J/token, curve 0.1980 (+0.25%); attributed sum +0.0000% of the window</c>.</summary>
    public override string ToString()
    {
        var steady = MeasuredJoulesPerToken is { } m ? string.Create(CultureInfo.InvariantCulture, $"steady state {m:0.0000} J/token") : "steady state " + (Reason ?? "not measured");
        var curve = ExpectedJoulesPerToken is { } e
            ? string.Create(CultureInfo.InvariantCulture, $", curve {e:0.0000}") + (CurveError is { } c ? string.Create(CultureInfo.InvariantCulture, $" ({c * 100:+0.00;-0.00;0.00}%)") : "")
            : "";
        var attributed = AttributionError is { } a ? string.Create(CultureInfo.InvariantCulture, $"attributed sum {a * 100:+0.0000;-0.0000;0.0000}% of the window") : "no window";
        return $"{Unit} ({InFlight} in flight): {steady}{curve}; {attributed}" + (Within ? "" : " - OUTSIDE the bounds");
    }
}
