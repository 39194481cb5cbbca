namespace SlmEnergyBench.Harness.Phases;

/// <summary>The phases of a request and the methods that split its energy between them (stored in case records).</summary>
public static class PhaseNames
{
    /// <summary>Processing the prompt, up to the first output token.</summary>
    public const string Prefill = "prefill";

    /// <summary>Generating the output tokens after the first.</summary>
    public const string Decode = "decode";

    /// <summary>The request's own window split at its first token's arrival: prefill = [start, first token], decode = [first token, end].</summary>
    public const string SplitAtFirstToken = "split at first token";

    /// <summary>
    /// The established protocol (optimum-benchmark): the prompt again with max tokens 1, measured as its own window, is the
    /// prefill; decode = the full request - that pass.
    /// </summary>
    public const string PrefillPass = "prefill pass (max tokens 1)";
}
