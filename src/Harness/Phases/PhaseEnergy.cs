namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// The energy of one phase of a request (prefill or decode) by one method (<see cref="PhaseSplit.Method"/>). Its figures
/// are present only when <see cref="Valid"/>: a phase too short for the meter (<see cref="PhaseRule"/>) or without its
/// window's energy has <see cref="Problem"/> and no joules (absent, never zero).
/// </summary>
public sealed record PhaseEnergy
{
    /// <summary><see cref="PhaseNames.Prefill"/> or <see cref="PhaseNames.Decode"/>.</summary>
    public required string Phase { get; init; }

    /// <summary>Start of the window the phase was measured over, on the session clock, s.</summary>
    public required double StartS { get; init; }

    /// <summary>End of that window, s.</summary>
    public required double EndS { get; init; }

    /// <summary>
    /// Seconds of the phase: <see cref="EndS"/> - <see cref="StartS"/>, except for the prefill pass's decode, which is the
    /// full request's window less the prefill pass's (its <see cref="StartS"/>/<see cref="EndS"/> are the full request's).
    /// </summary>
    public required double DurationS { get; init; }

    /// <summary>
    /// Tokens the phase processed: the prompt's tokens for prefill; for decode the output tokens after the first (the first
    /// is sampled from prefill's logits: optimum-benchmark's decode volume is max_new_tokens - 1 for the same reason). Null when unknown.
    /// </summary>
    public int? Tokens { get; init; }

    /// <summary>Meter samples overlapping the window (0 for the prefill pass's decode, which is a difference of two windows).</summary>
    public int SampleCount { get; init; }

    /// <summary>The longest meter sample overlapping the window, s: the meter interval <see cref="PhaseRule"/> judges the window by.</summary>
    public double? MeterIntervalS { get; init; }

    /// <summary>True when the figures below exist and may be used.</summary>
    public bool Valid => Problem is null;

    /// <summary>Why the phase has no figures (e.g. "too short: 0.032 s is 0.32 of the 0.1 s meter interval; needs >= 2 intervals"); null when valid.</summary>
    public string? Problem { get; init; }

    /// <summary>Gross joules per domain (<see cref="Metering.Domains.Total"/> included); null when not valid.</summary>
    public IReadOnlyDictionary<string, double>? Joules { get; init; }

    /// <summary>Joules per domain net of the model's idle power (gross - idle W x <see cref="DurationS"/>); null when not valid or idle was not measured.</summary>
    public IReadOnlyDictionary<string, double>? NetJoules { get; init; }

    /// <summary>Gross total joules / <see cref="Tokens"/>, J/token (J per prompt token for prefill, per output token for decode); null when either is missing or tokens are 0.</summary>
    public double? JoulesPerToken => Per(Joules);

    /// <summary>Net total joules / <see cref="Tokens"/>, J/token; null when either is missing.</summary>
    public double? NetJoulesPerToken => Per(NetJoules);

    private double? Per(IReadOnlyDictionary<string, double>? joules) =>
        joules is not null && joules.TryGetValue(Metering.Domains.Total, out var total) && Tokens is > 0 and var t ? total / t : null;
}
