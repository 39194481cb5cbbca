namespace SlmEnergyBench.Harness.Embedded;

/// <summary>A model file the in-process engine runs, with its identity as recorded in the results.</summary>
/// <param name="Name">The name the configuration uses.</param>
/// <param name="Path">Absolute path of the GGUF file.</param>
/// <param name="Sha256">SHA-256 of the file's content (lower-case hex).</param>
/// <param name="Bytes">File size.</param>
/// <param name="Origin"><c>path</c>, <c>gpt4all-folder</c> or <c>synthetic</c>.</param>
/// <param name="Synthetic">True for a generated reference model with random weights: its text is gibberish, its cost is real.</param>
public sealed record ModelFile(string Name, string Path, string Sha256, long Bytes, string Origin, bool Synthetic);
