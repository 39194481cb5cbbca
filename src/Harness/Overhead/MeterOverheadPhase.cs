namespace SlmEnergyBench.Harness.Overhead;

/// <summary>One phase of the meter's overhead measurement: idle power as the meter saw it while sampling every <see cref="IntervalMs"/>.</summary>
/// <param name="IntervalMs">The meter's sampling interval in this phase, ms.</param>
/// <param name="StartS">Start of the measured idle window on the session timeline, s.</param>
/// <param name="EndS">Its end, s.</param>
/// <param name="PowerW">Average total power over the window, W; null when the meter could not cover it (<see cref="Problem"/>).</param>
/// <param name="SampleCount">Meter samples overlapping the window.</param>
/// <param name="Problem">Why there is no power; null when there is.</param>
public sealed record MeterOverheadPhase(int IntervalMs, double StartS, double EndS, double? PowerW, int SampleCount, string? Problem);
