using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Creates the meter of <see cref="MeterOptions.Kind"/>. An explicit kind gets that meter, with no fallback
/// (its <see cref="IPowerMeter.CheckAsync"/> tells the user what is missing). <c>auto</c> takes the best
/// meter available here (never <c>prometheus</c>, which needs a server and series named in the configuration): on macOS powermetrics; otherwise a CPU side (RAPL when readable, else the
/// utilization estimate) combined with NVML when an NVIDIA GPU is there. NVML alone is never picked by
/// <c>auto</c>: it would leave the CPU out of the total.
/// </summary>
public static class MeterSelector
{
    public static Task<MeterChoice> ChooseAsync(MeterOptions options, string repositoryRoot, SessionClock clock, CancellationToken cancellationToken) =>
        ChooseAsync(options, repositoryRoot, clock, null, cancellationToken);

    /// <param name="options">The meter options; <see cref="MeterOptions.Kind"/> decides.</param>
    /// <param name="repositoryRoot">Relative powermetrics paths are resolved against it.</param>
    /// <param name="clock">The session timeline.</param>
    /// <param name="openNvml">Opens NVML (tests: a scripted fake, so they never depend on this machine's GPU); null for the native library.</param>
    /// <param name="cancellationToken">Cancels the availability checks.</param>
    public static async Task<MeterChoice> ChooseAsync(
        MeterOptions options, string repositoryRoot, SessionClock clock, Func<INvml>? openNvml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var explicitWhy = $"Meter:Kind = {options.Kind} (explicit: no fallback).";
        return options.Kind switch
        {
            MeterKinds.Powermetrics => new MeterChoice(new PowermetricsMeter(options, repositoryRoot, clock), explicitWhy),
            MeterKinds.Rapl => new MeterChoice(new RaplMeter(options, clock), explicitWhy),
            MeterKinds.Nvml => new MeterChoice(new NvmlMeter(options, clock, openNvml), explicitWhy),
            MeterKinds.Estimate => new MeterChoice(new EstimateMeter(options, clock), explicitWhy + " Its figures are ESTIMATED, not measured."),
            MeterKinds.Prometheus => new MeterChoice(new Prometheus.PrometheusMeter(options, clock), explicitWhy),
            MeterKinds.Auto => await AutoAsync(options, repositoryRoot, clock, openNvml, cancellationToken),
            _ => throw new MeterException($"Meter:Kind '{options.Kind}' is not one of {string.Join(", ", MeterKinds.All)}."),
        };
    }

    private static async Task<MeterChoice> AutoAsync(
        MeterOptions options, string repositoryRoot, SessionClock clock, Func<INvml>? openNvml, CancellationToken cancellationToken)
    {
        var notPicked = new List<string>();
        if (OperatingSystem.IsMacOS())
        {
            var powermetrics = new PowermetricsMeter(options, repositoryRoot, clock);
            if (await TryAsync(powermetrics, MeterKinds.Powermetrics, notPicked, cancellationToken) is { } reason)
                return new MeterChoice(powermetrics, $"auto: powermetrics (macOS): {reason}");
        }

        IPowerMeter? cpu = null;
        string? cpuWhy = null;
        var rapl = new RaplMeter(options, clock);
        if (await TryAsync(rapl, MeterKinds.Rapl, notPicked, cancellationToken) is { } raplReason)
        {
            (cpu, cpuWhy) = (rapl, $"rapl for the CPU ({raplReason})");
        }
        else
        {
            var estimate = new EstimateMeter(options, clock);
            if (await TryAsync(estimate, MeterKinds.Estimate, notPicked, cancellationToken) is { } estimateReason)
                (cpu, cpuWhy) = (estimate, $"estimate for the CPU, ESTIMATED from utilization, not measured ({estimateReason})");
        }

        var nvml = new NvmlMeter(options, clock, openNvml);
        var nvmlReason = await TryAsync(nvml, MeterKinds.Nvml, notPicked, cancellationToken);
        var rejected = notPicked.Count == 0 ? "" : " Not picked: " + string.Join(" ", notPicked.Select(n => n.EndsWith('.') ? n : n + "."));
        if (cpu is null)
        {
            if (nvmlReason is not null)
                await nvml.DisposeAsync();
            throw new MeterException(
                "auto: no CPU-side meter can run here." + rejected
                + (nvmlReason is null ? "" : $" NVML is available ({nvmlReason}) but measures the GPU only: set Meter:Kind = nvml to accept that."));
        }

        return nvmlReason is null
            ? new MeterChoice(cpu, $"auto: {cpuWhy}; no GPU meter.{rejected}")
            : new MeterChoice(new CompositeMeter(cpu, nvml), $"auto: {cpuWhy} + nvml for the GPU ({nvmlReason}).{rejected}");
    }

    /// <summary>The meter's availability reason when it can run; otherwise null, the meter disposed and why added to <paramref name="notPicked"/>.</summary>
    private static async Task<string?> TryAsync(IPowerMeter meter, string kind, List<string> notPicked, CancellationToken cancellationToken)
    {
        var availability = await meter.CheckAsync(cancellationToken);
        if (availability.IsAvailable)
            return availability.Reason.TrimEnd('.');
        notPicked.Add($"{kind}: {availability.Reason}");
        await meter.DisposeAsync();
        return null;
    }
}
