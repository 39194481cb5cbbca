using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// One line of <c>points.jsonl</c>: one repetition of a sweep point whose requests overlapped (more than one in flight), measured as
/// one window. Its requests are case records of their own (<c>cases.jsonl</c>, each with its attributed share of <see cref="Window"/>);
/// this record holds what only the whole point has: the window, the steady state and the sum check.
/// </summary>
public sealed record PointRecord
{
    public required string RunId { get; init; }

    /// <summary>The unit (<see cref="Runtimes.RunUnit.Label"/>): model, runtime / model, with the point's label.</summary>
    public required string Unit { get; init; }

    /// <summary>The runtime, or null in a run of one runtime.</summary>
    public string? Runtime { get; init; }

    public required string Model { get; init; }

    public required SweepPoint Point { get; init; }

    /// <summary>Which repetition of the point (1-based).</summary>
    public int Repetition { get; init; } = 1;

    /// <summary>The run segment that measured it (1 unless the run was resumed).</summary>
    public int Segment { get; init; } = 1;

    /// <summary><c>passed</c> when the window and every request are valid, else <c>failed</c> with <see cref="Problems"/>.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Requests sent.</summary>
    public int Requests { get; init; }

    /// <summary>Requests that answered and were measured.</summary>
    public int Answered { get; init; }

    /// <summary>Which meter, domains, method and edge rule the figures came from.</summary>
    public EnergyProvenance? Provenance { get; init; }

    /// <summary>The point's window, from the first request's start to the last one's end, gross J per domain; null when not measured.</summary>
    public WindowEnergy? Window { get; init; }

    /// <summary>The model's idle power the net figures use; null when not measured.</summary>
    public IdleMeasurement? Idle { get; init; }

    /// <summary>The steady state (all slots busy); null when not measured.</summary>
    public SteadyState? SteadyState { get; init; }

    /// <summary>Sum of the requests' attributed total joules, J: equals the window's total (the attribution's check).</summary>
    public double? AttributedJoules { get; init; }

    /// <summary>Output tokens of all answered requests.</summary>
    public int CompletionTokens { get; init; }

    /// <summary>Output tokens per second over the whole window (all slots, ramp-up and drain included).</summary>
    public double? TokensPerSecond { get; init; }
}
