using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>The check every meter makes before a window's figures are reported: its average total power must be physically plausible.</summary>
internal static class PlausiblePower
{
    /// <summary>
    /// Throws when <paramref name="window"/>'s average <see cref="Domains.Total"/> power is above <paramref name="maxW"/>
    /// (<c>Meter:MaxPlausiblePowerW</c>, W); the message names <paramref name="meter"/>, the figure, the window and
    /// <paramref name="untrustworthy"/> (what is not to be trusted, e.g. "the samples are not trustworthy").
    /// </summary>
    /// <exception cref="MeterException">The average is above the bound.</exception>
    public static void ThrowIfAbove(string meter, WindowEnergy window, double maxW, string untrustworthy)
    {
        if (window.Domains.TryGetValue(Domains.Total, out var total) && total.AveragePowerW > maxW)
        {
            throw new MeterException(string.Create(CultureInfo.InvariantCulture,
                $"{meter} reports {total.AveragePowerW:0.#} W on average over [{window.StartS:0.000}, {window.EndS:0.000}] s, above the plausible {maxW:0.#} W (MaxPlausiblePowerW): {untrustworthy}. This case is not measured. If this machine really draws that much, raise Meter:MaxPlausiblePowerW."));
        }
    }
}
