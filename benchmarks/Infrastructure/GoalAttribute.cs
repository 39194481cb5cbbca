namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// The goal a benchmark group is held to (issue 13), written at the head of its page in <c>docs/benchmarks/</c>, e.g.
/// "under 0.5 ms and under 1% of a 50 ms request beyond a bare HttpClient POST".
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GoalAttribute(string text) : Attribute
{
    /// <summary>The goal in one or two sentences, with its figures and units.</summary>
    public string Text { get; } = text;
}
