using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Runtimes;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>What a session checks before it opens: that a backend and the meter answer here, and which units' models each runtime serves.</summary>
internal static class SessionChecks
{
    /// <summary>A unit whose runtime does not serve its model fails its own cases (with the reason), not the whole run. Keyed by unit label.</summary>
    public static async Task<Dictionary<string, string>> CheckModelsAsync(IReadOnlyList<RuntimeBackend> backends, BenchOptions options, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in RunUnits.Models(options))
        {
            var (backend, served) = UnitRouting.BackendOf(backends, options, unit);
            var check = await backend.CheckAsync([served], cancellationToken).ConfigureAwait(false);
            if (!check.IsAvailable)
                problems[unit.Label] = (unit.Runtime is null ? "" : unit.Runtime + ": ") + check.Reason;
        }

        return problems;
    }

    public static async Task<string?> CheckPartsAsync(LoadedConfiguration config, IReadOnlyList<RuntimeBackend> backends,
        Func<string?, CancellationToken, Task<MeterChoice>> createMeter, CancellationToken cancellationToken)
    {
        var o = config.Options;
        // A run of several runtimes runs when one of them answers; the others' units fail with the reason.
        var checks = new List<Availability>();
        foreach (var b in backends)
        {
            var check = await b.Backend.CheckAsync([], cancellationToken).ConfigureAwait(false);
            checks.Add(b.Runtime is null || check.IsAvailable ? check : Availability.No($"{b.Runtime}: {check.Reason}"));
        }

        var backendCheck = checks.FirstOrDefault(c => c.IsAvailable) ?? Availability.No(string.Join(" ", checks.Select(c => c.Reason)));
        Availability meterCheck;
        try
        {
            var probe = await createMeter(null, cancellationToken).ConfigureAwait(false);
            await using (probe.Meter)
                meterCheck = await probe.Meter.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            // Meter:Kind = auto found nothing usable here: that is a reason to skip, not a failure.
            meterCheck = Availability.No(e.Message);
        }

        if (backendCheck.IsAvailable && meterCheck.IsAvailable)
            return null;

        var reasons = new List<string>();
        if (!backendCheck.IsAvailable)
            reasons.Add("Backend: " + backendCheck.Reason);
        if (!meterCheck.IsAvailable)
            reasons.Add("Meter: " + meterCheck.Reason);
        return $"Profile '{o.Profile}' ({config.ProfileChosenBy}) cannot run here. " + string.Join(" ", reasons) +
               (backends.Any(b => b.Simulated) ? "" : " To run the suite against fake backends instead: ENERGYBENCH_PROFILE=fake dotnet test --filter Category=Energy");
    }
}
