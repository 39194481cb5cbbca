namespace SlmEnergyBench.Harness.Prompts;

/// <summary>One item of an Alpaca dataset (<c>output</c>, the reference answer, is not needed) and the line (1-based) of the file it starts on.</summary>
internal sealed record AlpacaItem(string Instruction, string Input, int Line);
