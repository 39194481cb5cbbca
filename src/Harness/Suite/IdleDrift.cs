using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Idle power that moved between the segments of a resumed run: the new idle measurement of a model against the
/// latest one of the same label (<c>before &lt;model&gt;</c>) in earlier segments, else the latest earlier one of any label,
/// on the total domain (the first domain when there is no total).
/// </summary>
public static class IdleDrift
{
    /// <summary>
    /// A warning when |new - earlier| / earlier exceeds <paramref name="thresholdPercent"/> %, else null (also null with no
    /// earlier measurement or no common domain).
    /// </summary>
    public static string? Check(IReadOnlyList<IdleMeasurement> earlier, IdleMeasurement now, double thresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(now);
        var reference = earlier.LastOrDefault(i => i.Label == now.Label) ?? earlier.LastOrDefault();
        if (reference is null)
            return null;
        var domain = now.PowerW.ContainsKey(Domains.Total) ? Domains.Total : now.PowerW.Keys.FirstOrDefault(reference.PowerW.ContainsKey);
        if (domain is null || !reference.PowerW.TryGetValue(domain, out var before) || before <= 0)
            return null;
        var after = now.PowerW[domain];
        var percent = (after - before) / before * 100;
        return Math.Abs(percent) <= thresholdPercent
            ? null
            : FormattableString.Invariant(
                  $"Idle power drifted between segments: {domain} {before:0.00} W ({reference.Label}, earlier segment) -> {after:0.00} W ({now.Label}, this segment), {percent:+0.0;-0.0}%, beyond Protocol:IdleDriftPercent = {thresholdPercent:0.#}%.")
              + " The machine's state changed (power source, temperature, background load): gross figures of the segments may not be comparable; net figures subtract each segment's own idle.";
    }
}
