namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>
/// A point's steady state: the interval [<paramref name="StartS"/>, <paramref name="EndS"/>] (session clock, s) from when all its
/// slots are first busy generating (the last slot's first token) to when the first slot drains (its last request ends), with the
/// energy and tokens inside it. J/token at N in flight = <paramref name="Joules"/> / <paramref name="Tokens"/>, the figure the best
/// served-model energy benchmarks report (ML.ENERGY's steady-state window). When <paramref name="Reached"/> is false
/// (<paramref name="Reason"/> says why: fewer prompts than slots, or an interval shorter than two meter intervals), the figures are null.
/// </summary>
/// <param name="Reached">Whether the point had a steady state long enough to measure.</param>
/// <param name="Reason">Why not, or null.</param>
/// <param name="StartS">When all slots were first busy generating (the last slot's first token), s.</param>
/// <param name="EndS">When the first slot drained, s.</param>
/// <param name="Joules">Gross energy per domain over the interval, J (the meter's domains, edges pro rata: both sides are busy).</param>
/// <param name="NetJoules">Energy net of the model's idle power per domain, J; null when idle was not measured.</param>
/// <param name="Tokens">Output tokens generated inside the interval.</param>
/// <param name="TokenSource">How <paramref name="Tokens"/> was counted: <see cref="StreamedTokens"/> or <see cref="ProRataTokens"/>.</param>
public sealed record SteadyState(
    bool Reached,
    string? Reason,
    double StartS,
    double EndS,
    IReadOnlyDictionary<string, double>? Joules,
    IReadOnlyDictionary<string, double>? NetJoules,
    double? Tokens,
    string? TokenSource)
{
    /// <summary>Tokens counted from each streamed chunk's arrival time (exact to the chunk).</summary>
    public const string StreamedTokens = "counted: each streamed chunk's tokens at its arrival";

    /// <summary>Tokens of requests without streaming timings, spread evenly over each request's window (an estimate).</summary>
    public const string ProRataTokens = "estimated: each request's tokens spread evenly over its window (no streaming timings)";

    /// <summary>Length of the interval, s.</summary>
    public double DurationS => EndS - StartS;

    /// <summary>Gross J per output token over the interval (total domain); null when not reached or without a total.</summary>
    public double? JoulesPerToken => Tokens is > 0 && Joules?.GetValueOrDefault(Metering.Domains.Total) is { } j ? j / Tokens : null;

    /// <summary>Net-of-idle J per output token (total domain); null when idle was not measured.</summary>
    public double? NetJoulesPerToken => Tokens is > 0 && NetJoules?.GetValueOrDefault(Metering.Domains.Total) is { } j ? j / Tokens : null;

    /// <summary>Output tokens per second over the interval (throughput of all slots together).</summary>
    public double? TokensPerSecond => Reached && DurationS > 0 ? Tokens / DurationS : null;
}
