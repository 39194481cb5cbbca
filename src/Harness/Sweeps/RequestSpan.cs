using SlmEnergyBench.Harness.Backends.Streaming;

namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>
/// One request of an overlapping point as the scheduler saw it: sent at <paramref name="StartS"/>, last byte at <paramref name="EndS"/>
/// (session clock, s), on slot <paramref name="Slot"/> (0-based: the scheduler's worker that sent it), with its streamed chunk arrivals
/// (<paramref name="Stream"/>, null without streaming) and its output tokens (<paramref name="OutputTokens"/>, null when unknown).
/// </summary>
public sealed record RequestSpan(double StartS, double EndS, int Slot, StreamTimings? Stream, int? OutputTokens)
{
    /// <summary>When its first token arrived (session clock, s): <see cref="StartS"/> + TTFT with streaming, else <see cref="StartS"/>.</summary>
    public double FirstTokenS => Stream is { } stream ? StartS + stream.TimeToFirstTokenS : StartS;

    /// <summary>Seconds of this request inside [<paramref name="fromS"/>, <paramref name="toS"/>].</summary>
    public double OverlapS(double fromS, double toS) => Math.Max(0, Math.Min(EndS, toS) - Math.Max(StartS, fromS));
}
