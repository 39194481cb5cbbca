namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>A synthetic model written to the cache: its path, the SHA-256 of its content (lower-case hex) and size.</summary>
public sealed record SyntheticModelFile(string Path, string Sha256, long Bytes, SyntheticModelSpec Spec);
