namespace SlmEnergyBench.Harness.Prompts;

/// <summary>One item of an Alpaca dataset (<c>output</c>, the reference answer, is not needed).</summary>
internal sealed record AlpacaItem(string Instruction, string Input);
