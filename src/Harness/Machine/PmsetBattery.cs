using System.Globalization;
using System.Text.RegularExpressions;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Reads macOS <c>pmset -g batt</c>: its first line names the source (<c>Now drawing from 'AC Power'</c>,
/// <c>'Battery Power'</c> or <c>'UPS Power'</c>); a laptop adds one line per battery,
/// <c> -InternalBattery-0 (id=3735651)&lt;TAB&gt;97%; charged; 0:00 remaining present: true</c> (the state is
/// <c>charged</c>, <c>charging</c>, <c>discharging</c>, <c>finishing charge</c> or <c>AC attached</c>). A desktop Mac prints
/// the first line only.
/// </summary>
public static partial class PmsetBattery
{
    /// <summary>What is read, as <see cref="PowerSource.ReadFrom"/> says.</summary>
    public const string Command = "pmset -g batt";

    /// <summary>The power source <paramref name="output"/> (the command's standard output) describes; <see cref="PowerSource.Unknown"/>, quoting it, when it names none.</summary>
    public static PowerSource Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var source = SourceLine().Match(output);
        var battery = BatteryLine().Match(output);
        int? percent = battery.Success ? int.Parse(battery.Groups["percent"].Value, CultureInfo.InvariantCulture) : null;
        var state = battery.Success ? battery.Groups["state"].Value.Trim() : null;
        if (!source.Success)
        {
            var shown = output.Trim();
            return new PowerSource(PowerSource.Unknown, percent, state, Command,
                $"{Command} printed no 'Now drawing from' line: '{(shown.Length > 120 ? shown[..120] + "..." : shown)}'");
        }

        var name = source.Groups["source"].Value;
        var kind = name switch
        {
            "AC Power" => PowerSource.Ac,
            "Battery Power" => PowerSource.Battery,
            "UPS Power" => PowerSource.Ups,
            _ => PowerSource.Unknown,
        };
        var detail = $"Now drawing from '{name}'" + (battery.Success ? $"; {battery.Groups["name"].Value} {percent}%; {state}" : "; no battery");
        return new PowerSource(kind, percent, state, Command, detail);
    }

    [GeneratedRegex(@"Now drawing from '(?<source>[^']*)'")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"-(?<name>\S*Battery\S*).*?(?<percent>\d{1,3})%;(?<state>[^;]*);")]
    private static partial Regex BatteryLine();
}
