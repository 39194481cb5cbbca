using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Results;

/// <summary>One line of <c>cases.jsonl</c>: one model x prompt measurement, valid or not.</summary>
public sealed record CaseRecord
{
    public required string RunId { get; init; }

    public required string Model { get; init; }

    public required int PromptOrdinal { get; init; }

    public required int PromptDatasetIndex { get; init; }

    public required string PromptText { get; init; }

    /// <summary><c>passed</c> when the measurement is valid, else <c>failed</c> with <see cref="Problems"/>.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public CompletionResult? Completion { get; init; }

    /// <summary>Completion tokens per second of harness wall time.</summary>
    public double? TokensPerSecond { get; init; }

    /// <summary>Words (not characters) per second of harness wall time.</summary>
    public double? WordsPerSecond { get; init; }

    public CaseEnergy? Energy { get; init; }
}

/// <summary>A request window's energy and where it came from.</summary>
public sealed record CaseEnergy(EnergyProvenance Provenance, WindowEnergy Window);
