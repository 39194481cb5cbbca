using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Reads one powermetrics plist document into a <see cref="PowermetricsSample"/>, by key NAME (never by
/// position). Every key is optional except <c>elapsed_ns</c>; energies come from the <c>processor</c> dict by the
/// keys of <see cref="PowermetricsKey.All"/>, each converted from its own unit (mJ, J, mW x elapsed, W x elapsed)
/// to joules. The top-level <c>gpu</c> dict may carry a second, different <c>gpu_energy</c>: it is ignored.
/// </summary>
public static class PowermetricsPlistReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // Plists carry a DOCTYPE naming Apple's DTD: never fetch or process it.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses one document (UTF-8 bytes). Throws <see cref="FormatException"/> when it is not usable.</summary>
    public static PowermetricsSample Parse(ReadOnlySpan<byte> document)
    {
        XDocument xml;
        try
        {
            using var stream = new MemoryStream(document.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            xml = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"not well-formed XML: {e.Message}", e);
        }

        var root = xml.Root is { Name.LocalName: "plist" } plist ? plist.Elements().FirstOrDefault() : null;
        if (root is null || root.Name.LocalName != "dict")
            throw new FormatException("not a plist whose top level is a dict");

        var top = ReadDict(root);
        var elapsedNs = ReadInteger(top, "elapsed_ns")
            ?? throw new FormatException("elapsed_ns is missing: the sample's length is unknown");
        if (elapsedNs <= 0)
            throw new FormatException($"elapsed_ns is {elapsedNs.ToString(CultureInfo.InvariantCulture)}, not positive");

        var processor = top.TryGetValue("processor", out var p) && p.Name.LocalName == "dict" ? ReadDict(p) : null;
        var energy = new Dictionary<string, double>(StringComparer.Ordinal);
        var keysRead = new Dictionary<string, PowermetricsKey>(StringComparer.Ordinal);
        foreach (var key in PowermetricsKey.All)
        {
            if (keysRead.ContainsKey(key.Domain) || processor is null || ReadNumber(processor, key.Name) is not { } value)
                continue;
            energy[key.Domain] = key.ToJoules(NonNegative(value, key.Name), elapsedNs / 1e9);
            keysRead[key.Domain] = key;
        }

        return new PowermetricsSample(
            elapsedNs,
            energy,
            keysRead,
            processor?.Keys.ToArray(),
            [.. top.Keys],
            processor is null ? null : ReadNumber(processor, "combined_power"),
            ReadText(top, "hw_model"),
            ReadText(top, "thermal_pressure"),
            ReadText(top, "timestamp"));
    }

    private static Dictionary<string, XElement> ReadDict(XElement dict)
    {
        var result = new Dictionary<string, XElement>(StringComparer.Ordinal);
        string? key = null;
        foreach (var element in dict.Elements())
        {
            if (element.Name.LocalName == "key")
            {
                key = element.Value;
                continue;
            }

            if (key is null)
                throw new FormatException($"dict value <{element.Name.LocalName}> without a <key>");
            result.TryAdd(key, element);
            key = null;
        }

        return result;
    }

    private static long? ReadInteger(Dictionary<string, XElement> dict, string key)
    {
        if (!dict.TryGetValue(key, out var element))
            return null;
        if (element.Name.LocalName == "integer"
            && long.TryParse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new FormatException($"{key} is <{element.Name.LocalName}>{element.Value}</{element.Name.LocalName}>, not an integer");
    }

    /// <summary>An <c>integer</c> or <c>real</c> value (powermetrics writes energies as integers, powers as reals).</summary>
    private static double? ReadNumber(Dictionary<string, XElement> dict, string key)
    {
        if (!dict.TryGetValue(key, out var element))
            return null;
        var name = element.Name.LocalName;
        if ((name == "integer" || name == "real")
            && double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        throw new FormatException($"{key} is <{name}>{element.Value}</{name}>, not a finite number");
    }

    private static string? ReadText(Dictionary<string, XElement> dict, string key) =>
        dict.TryGetValue(key, out var element) ? element.Value : null;

    private static double NonNegative(double value, string key) =>
        value >= 0
            ? value
            : throw new FormatException($"{key} is negative ({value.ToString(CultureInfo.InvariantCulture)})");
}
