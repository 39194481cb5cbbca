using System.Collections.Concurrent;

namespace SlmEnergyBench.Harness.Fakes.Streaming;

/// <summary>
/// Every answer a streaming fake scripted, in the order the requests arrived (warm-ups included): the truth a check
/// compares the client's measured TTFT and inter-token gaps with.
/// </summary>
public sealed class FakeScriptLog
{
    private readonly ConcurrentQueue<FakeTokenScript> _scripts = new();

    public void Add(FakeTokenScript script) => _scripts.Enqueue(script);

    /// <summary>The scripts so far, oldest first.</summary>
    public IReadOnlyList<FakeTokenScript> Scripts => [.. _scripts];
}
