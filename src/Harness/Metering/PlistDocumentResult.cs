namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One document found in a powermetrics plist stream: either a parsed <see cref="Sample"/>, or a corrupt
/// document (it looked like a plist but could not be used) with the <see cref="Error"/>. A corrupt document
/// is a lost sample: the caller must treat it as a gap of unknown length.
/// </summary>
public sealed record PlistDocumentResult(PowermetricsSample? Sample, string? Error)
{
    public bool IsCorrupt => Sample is null;

    public static PlistDocumentResult Parsed(PowermetricsSample sample) => new(sample, null);

    public static PlistDocumentResult Corrupt(string error) => new(null, error);
}
