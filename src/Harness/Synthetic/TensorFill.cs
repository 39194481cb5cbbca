namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// Fills the next chunk of a tensor's values (whole rows, in file order); called repeatedly until the tensor is
/// complete, so a tensor never has to be in memory at once.
/// </summary>
public delegate void TensorFill(Span<float> destination);
