namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Where the machine drew its power from when it was read: mains (<see cref="Ac"/>), its battery, a UPS, or
/// <see cref="Unknown"/> (nothing reports it: a desktop or virtual machine without a power-supply driver).
/// </summary>
/// <param name="Kind"><see cref="Ac"/>, <see cref="Battery"/>, <see cref="Ups"/> or <see cref="Unknown"/>.</param>
/// <param name="BatteryPercent">The battery's charge, %, when a battery reports one.</param>
/// <param name="BatteryState">The battery's state as its source says it, e.g. <c>charged</c>, <c>discharging</c>, <c>Charging</c>.</param>
/// <param name="ReadFrom">What was read: <c>pmset -g batt</c> or the power-supply folder, e.g. <c>/sys/class/power_supply</c>.</param>
/// <param name="Detail">What the source said, in short, for a reader to check the reading.</param>
public sealed record PowerSource(string Kind, int? BatteryPercent, string? BatteryState, string ReadFrom, string Detail)
{
    public const string Ac = "ac";
    public const string Battery = "battery";
    public const string Ups = "ups";
    public const string Unknown = "unknown";

    /// <summary>True when the machine ran from its battery: energy figures then depend on the battery's charge and the OS's power saving.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OnBattery => Kind == Battery;

    /// <summary>"AC power (battery 97%, charged)", "battery (85%, discharging)", "unknown (...)".</summary>
    public string Describe()
    {
        var battery = BatteryPercent is { } percent ? $"{percent}%" + (BatteryState is null ? "" : $", {BatteryState}") : BatteryState;
        return Kind switch
        {
            Ac => battery is null ? "AC power" : $"AC power (battery {battery})",
            Battery => battery is null ? "battery" : $"battery ({battery})",
            Ups => "UPS power",
            _ => $"unknown ({Detail})",
        };
    }
}
