using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Resume;

/// <summary>Which case of a run's plan a record is: unit (the model, or <c>runtime / model</c>), prompt ordinal (0-based) and repetition (1-based).</summary>
public readonly record struct CaseKey(string Unit, int PromptOrdinal, int Repetition)
{
    public static CaseKey Of(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CaseKey(record.Unit, record.PromptOrdinal, record.Repetition);
    }

    /// <summary>The case in words: <c>Llama 3.2 1B Instruct / prompt 3</c>, with <c>, run 2</c> when repeated.</summary>
    public override string ToString() =>
        $"{Unit} / prompt {PromptOrdinal + 1}" + (Repetition > 1 ? $", run {Repetition}" : "");
}
