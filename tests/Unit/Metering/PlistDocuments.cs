using System.Text;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>powermetrics plist documents for tests, in the real format (header, DOCTYPE, plist dict).</summary>
internal static class PlistDocuments
{
    public const string Header =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n";

    /// <summary>The trimmed real sample of the reference (M1, macOS 13), plus a top-level gpu dict with another gpu_energy.</summary>
    public static readonly string RealM1 = Header + """
        <plist version="1.0">
        <dict>
        <key>is_delta</key><true/>
        <key>elapsed_ns</key><integer>2019178750</integer>
        <key>hw_model</key><string>MacBookPro17,1</string>
        <key>timestamp</key><date>2023-05-02T10:11:12Z</date>
        <key>processor</key><dict>
          <key>clusters</key><array><dict><key>name</key><string>E-Cluster</string><key>cpu_energy</key><integer>999</integer></dict></array>
          <key>cpu_energy</key><integer>89</integer><key>cpu_power</key><real>44.0773</real>
          <key>gpu_energy</key><integer>31</integer><key>gpu_power</key><real>15.3528</real>
          <key>ane_energy</key><integer>0</integer><key>ane_power</key><real>0</real>
          <key>combined_power</key><real>59.4301</real>
        </dict>
        <key>gpu</key><dict>
          <key>freq_hz</key><real>389000000</real>
          <key>gpu_energy</key><integer>500</integer>
        </dict>
        <key>thermal_pressure</key><string>Nominal</string>
        </dict>
        </plist>

        """;

    /// <summary>A document with the given top-level and processor entries (raw plist XML fragments).</summary>
    public static string Build(string topLevel, string processor) =>
        Header + "<plist version=\"1.0\">\n<dict>\n" + topLevel
        + "<key>processor</key><dict>" + processor + "</dict>\n</dict>\n</plist>\n";

    /// <summary>A minimal valid sample: elapsed and three integer energies.</summary>
    public static string Simple(long elapsedNs, int cpuMj, int gpuMj, int aneMj = 0) => Build(
        $"<key>elapsed_ns</key><integer>{elapsedNs}</integer>\n",
        $"<key>cpu_energy</key><integer>{cpuMj}</integer><key>gpu_energy</key><integer>{gpuMj}</integer><key>ane_energy</key><integer>{aneMj}</integer>");

    /// <summary>Documents separated (and ended) by NUL, as powermetrics writes them.</summary>
    public static byte[] Stream(params string[] documents) =>
        Encoding.UTF8.GetBytes(string.Concat(documents.Select(d => d + "\0")));
}
