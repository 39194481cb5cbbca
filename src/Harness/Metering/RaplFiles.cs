using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>Reads powercap sysfs files with errors that say what to do (permission fix, wrong root, garbage).</summary>
internal sealed class RaplFiles
{
    private readonly Func<string, string> _readAllText;

    /// <param name="root">The powercap root (<see cref="Configuration.MeterOptions.RaplRoot"/>), named in the permission fix.</param>
    /// <param name="readAllText">Reads a file; tests replace it to simulate what a fake tree cannot (root-only files when tests run as root).</param>
    public RaplFiles(string root, Func<string, string>? readAllText = null)
    {
        Root = root;
        _readAllText = readAllText ?? File.ReadAllText;
    }

    public string Root { get; }

    /// <summary>The fix users apply since CVE-2020-8694 made <c>energy_uj</c> readable by root only.</summary>
    public string PermissionFix =>
        $"since CVE-2020-8694 the kernel makes energy_uj readable by root only. Fix (until reboot): sudo chmod -R a+r {Path.Combine(Root, "intel-rapl")}"
        + $" (AMD or mmio zones: the same for each {Path.Combine(Root, "*-rapl*")}); to keep it, add a udev rule or a systemd-tmpfiles line such as"
        + " 'z /sys/class/powercap/intel-rapl:*/energy_uj 0444 - - - -'.";

    public string ReadText(string path)
    {
        try
        {
            return _readAllText(path).Trim();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MeterException($"RAPL: cannot read {path}: permission denied; {PermissionFix}", e);
        }
        catch (IOException e)
        {
            throw new MeterException($"RAPL: cannot read {path}: {e.Message} (is Meter:RaplRoot = '{Root}' a powercap tree?).", e);
        }
    }

    /// <summary>Reads a file that holds one non-negative whole number (µJ).</summary>
    public ulong ReadMicrojoules(string path)
    {
        var text = ReadText(path);
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        var shown = text.Length > 40 ? text[..40] + "..." : text;
        throw new MeterException(
            $"RAPL: {path} holds '{shown}', not a whole number of microjoules as powercap writes; the file is corrupt or Meter:RaplRoot = '{Root}' is not a powercap tree.");
    }
}
