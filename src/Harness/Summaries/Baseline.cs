using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// An accepted run of one model on one machine and profile, kept to compare later runs with: the per-prompt
/// figures for paired tests and the model's summary. Stored by <see cref="BaselineStore"/>.
/// </summary>
/// <param name="Machine">The machine key (<see cref="BaselineStore.MachineKey"/>).</param>
/// <param name="Profile">The configuration profile of the run.</param>
/// <param name="Model">The model name as in the cases.</param>
/// <param name="Backend">The backend that served the model.</param>
/// <param name="Meter">Where the energy figures came from.</param>
/// <param name="RunId">The run the baseline was taken from.</param>
/// <param name="CreatedUtc">When the baseline was accepted.</param>
/// <param name="Prompts">The passed cases, by prompt ordinal and repetition.</param>
/// <param name="Summary">The model's summary over the same cases.</param>
public sealed record Baseline(
    string Machine,
    string Profile,
    string Model,
    string Backend,
    EnergyProvenance Meter,
    string RunId,
    DateTimeOffset CreatedUtc,
    IReadOnlyList<BaselinePoint> Prompts,
    ModelSummary Summary);
