namespace SlmEnergyBench.Unit.Metering;

/// <summary>
/// Meter outputs captured on real machines, kept beside the repository in ../shared/field-inputs/ (their README gives
/// each one's right answer).
/// </summary>
internal static class FieldInputFiles
{
    /// <summary>One powermetrics plist sample of a MacBook Pro 15,1 (Intel, macOS 14), with its NUL separator.</summary>
    public static string IntelMacSample => Require("intel-mac-mbp15-1.plist");

    private static string Require(string name)
    {
        var path = Path.GetFullPath(Path.Combine(TestRepository.Root, "..", "shared", "field-inputs", name));
        if (!File.Exists(path))
        {
            Assert.Fail($"The field input {name} was not found at {path}. Field inputs are kept beside the repository "
                + "(../shared/field-inputs/), not in it; put them there to run these tests.");
        }

        return path;
    }
}
