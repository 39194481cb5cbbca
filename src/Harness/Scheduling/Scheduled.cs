namespace SlmEnergyBench.Harness.Scheduling;

/// <summary>One item's result from <see cref="RequestScheduler"/>: its index in the items, the slot (0-based) that sent it, and what the send returned.</summary>
public sealed record Scheduled<TResult>(int Index, int Slot, TResult Result);
