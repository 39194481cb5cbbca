using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The estimate meter's power model: P(u) = IdleW + (TdpW - IdleW) x u for machine-wide CPU utilization
/// u in [0, 1], i.e. linear between idle power and the CPU's TDP.
/// </summary>
/// <remarks>
/// <para>Why linear: it is linear in u, so P(mean u over an interval) x interval is exactly the integral of
/// P(u(t)) over it: the figure does not depend on the sampling interval. Measured server power curves
/// (SPECpower) are close to linear, and idle power is a separate, configurable parameter.</para>
/// <para>Not taken: CodeCarbon's TDP x (0.1 + 0.9 u^3). It is convex, so applied to interval-averaged
/// utilization it under-estimates bursty load (Jensen's inequality) by an amount that depends on the interval;
/// and it fixes idle at 10% of TDP, gives 21% of TDP at u = 0.5, far below measured curves.</para>
/// </remarks>
public sealed record LinearPowerModel(double IdleW, double TdpW)
{
    public const string Formula = "P(u) = IdleW + (TdpW - IdleW) x u, u = machine CPU utilization in [0, 1]";

    /// <summary>Power at utilization <paramref name="u"/>, watts.</summary>
    public double PowerW(double u) => IdleW + ((TdpW - IdleW) * u);

    /// <summary>The model as data, for run.json.</summary>
    public PowerModelDescription Describe() => new(
        Formula,
        new Dictionary<string, double>(StringComparer.Ordinal) { ["IdleW"] = IdleW, ["TdpW"] = TdpW });

    /// <summary>What is wrong with the parameters, or null.</summary>
    public string? Problem() => double.IsFinite(IdleW) && double.IsFinite(TdpW) && IdleW >= 0 && TdpW > IdleW
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"estimate: Meter:Estimate:TdpW ({TdpW}) must be above Meter:Estimate:IdleW ({IdleW}), and IdleW must be 0 or more.");
}
