using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// Energy from counters (or power gauges) that Prometheus scrapes, read through its HTTP API (<see cref="PrometheusOptions"/>:
/// presets for the DCGM exporter, node exporter's RAPL, Kepler, or free series selectors). <see cref="MeterOptions.IntervalMs"/>
/// is the series' scrape interval, checked at the start against Prometheus's target and the samples' spacing.
/// </summary>
/// <remarks>
/// <para>Samples: each pair of consecutive raw scrapes of a target is one <see cref="MeterSample"/> (counter increase with
/// Prometheus's reset rule, mJ/mW converted; a power gauge's trapezoid), summed over the domain's series, placed on the session
/// timeline through the server's clock offset (<see cref="ServerClock"/>). Domains of different targets (scraped at other
/// moments) are kept in separate timelines and their windows added (<see cref="PrometheusWindows.Combine"/>); total = the sum of
/// the InTotal domains.</para>
/// <para>The short-window rule: with method <c>samples</c> a window's energy is the whole scrape intervals inside it plus the
/// intervals straddling its edges, split by the session's edge rule (<see cref="WindowEnergy.EdgeSamples"/>: idle-attributed when
/// the idle power was measured, which the Energy suite always does, else pro rata). A window shorter than two scrape intervals
/// rests mostly on that rule: with ShortWindow = <c>edges</c> its figure is kept and <see cref="WindowEnergy.Approximation"/> says
/// so; with <c>refuse</c> it throws <see cref="MeterException"/>. Method <c>increase</c>: see <see cref="IncreaseWindow"/>.</para>
/// <para>Credentials come from environment variables only and appear in no provenance, message or result.</para>
/// </remarks>
public sealed class PrometheusMeter : IPowerMeter
{
    private readonly MeterOptions _options;
    private readonly PrometheusOptions _prometheus;
    private readonly SessionClock _clock;
    private readonly HttpMessageHandler? _handler;
    private readonly Func<string, string?> _environment;
    private PrometheusStart? _start;
    private int _shortWindows;

    /// <param name="options">IntervalMs (the scrape interval), Prometheus, MinCoverage, MaxPlausiblePowerW, StartTimeoutSeconds.</param>
    /// <param name="clock">The session timeline samples are placed on.</param>
    /// <param name="handler">The HTTP handler (tests); null for a normal one. Not disposed by the meter.</param>
    /// <param name="environment">Reads an environment variable (the credentials); by default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public PrometheusMeter(MeterOptions options, SessionClock clock, HttpMessageHandler? handler = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _prometheus = options.Prometheus;
        _clock = clock;
        _handler = handler;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    private double IntervalS => _options.IntervalMs / 1000.0;

    public EnergyProvenance Provenance => PrometheusProvenance.Of(_options, _start, _shortWindows);

    public IReadOnlyList<MeterSample> Samples => _start?.Poller.Samples ?? [];

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) =>
        _start is not { } start ? []
        : start.Poller.Groups.Count == 1 ? start.Poller.Groups[0].Timeline.Overlapping(startS, endS)
        : [.. start.Poller.Groups.SelectMany(g => g.Timeline.Overlapping(startS, endS)).Select(s => s.WithoutTotal())];

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => _start?.Poller.From(index) ?? [];

    public async Task<Availability> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new PrometheusClient(_prometheus, _handler, _environment);
            var build = await client.GetAsync("status/buildinfo", "/api/v1/status/buildinfo", cancellationToken).ConfigureAwait(false);
            var version = build.TryGetProperty("version", out var v) ? v.GetString() : "of unknown version";
            var resolved = await SeriesResolver.ResolveAsync(client, _prometheus, PrometheusPresetDomains.Of(_prometheus), cancellationToken).ConfigureAwait(false);
            var found = resolved.Select(r => r.SeriesCount > 0 ? $"{r.Domain.Name}: {r.SeriesCount} series of {r.Domain.Query}" : $"{r.Domain.Name}: none ({r.Domain.Query}), left out");
            return Availability.Yes($"prometheus: Prometheus {version} at {client.BaseUrl} ({_prometheus.Preset}); {string.Join("; ", found)}.");
        }
        catch (MeterException e)
        {
            return Availability.No(e.Message);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_start is not null)
            throw new InvalidOperationException("The meter is already started.");
        if (_options.IntervalMs <= 0)
            throw new MeterException(Invariant($"Meter:IntervalMs is {_options.IntervalMs}; it must be the scrape interval of the series in milliseconds."));
        var client = new PrometheusClient(_prometheus, _handler, _environment);
        try
        {
            _start = await PrometheusStartup.RunAsync(client, _options, PrometheusPresetDomains.Of(_prometheus), _clock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _start.Poller.StartTimer(_prometheus.PollSeconds);
        var deadline = _clock.Now + _options.StartTimeoutSeconds + (2 * IntervalS);
        await PollUntilAsync(() => _start.Poller.CoveredUntilS is not null, deadline, cancellationToken).ConfigureAwait(false);
        if (_start.Poller.CoveredUntilS is null)
        {
            throw new MeterException(_start.Poller.Failure ?? _start.Poller.LastError ?? Invariant(
                $"prometheus: no two scrapes of every domain within {_options.StartTimeoutSeconds} s (StartTimeoutSeconds) + two scrape intervals of starting: is the exporter still scraped every {_options.IntervalMs} ms?"));
        }
    }

    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        var start = _start ?? throw new InvalidOperationException("Call StartAsync before MeasureAsync.");
        if (!double.IsFinite(startS) || !double.IsFinite(endS) || endS <= startS)
            throw new ArgumentOutOfRangeException(nameof(endS), Invariant($"window [{startS}, {endS}] must be finite and end after it starts"));
        var duration = endS - startS;
        if (duration < 2 * IntervalS && _prometheus.ShortWindow == PrometheusShortWindows.Refuse)
            throw new MeterException(PrometheusWindows.Refusal(startS, endS, IntervalS));

        var deadline = Math.Max(endS, _clock.Now) + (2 * IntervalS) + (3 * _prometheus.PollSeconds);
        await PollUntilAsync(() => start.Poller.CoveredUntilS >= endS, deadline, cancellationToken).ConfigureAwait(false);
        var window = PrometheusWindows.Combine(startS, endS, [.. start.Poller.Groups.Select(g => g.Timeline.Integrate(startS, endS))]);
        if (window.Coverage < _options.MinCoverage)
            throw new MeterException(PrometheusProvenance.Shortfall(window, start.Poller, _options.MinCoverage, deadline - endS));

        var domains = start.Domains.Where(d => d.SeriesCount > 0).Select(d => d.Domain).ToArray();
        if (_prometheus.Method == PrometheusMethods.Increase)
        {
            window = await IncreaseWindow.MeasureAsync(start.Poller.Client, start.Poller.ServerClock, domains, window, IntervalS, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var notes = new List<string>();
            if (duration < 2 * IntervalS)
            {
                Interlocked.Increment(ref _shortWindows);
                notes.Add(PrometheusWindows.ShortWindow(duration, IntervalS));
            }

            if (domains.Any(d => d.IsPower))
                notes.Add(PrometheusWindows.PowerGauge(domains.Where(d => d.IsPower).Select(d => d.Name), IntervalS));
            window = window with { Approximation = notes.Count == 0 ? null : string.Join(" ", notes) };
        }

        PlausiblePower.ThrowIfAbove(MeterKinds.Prometheus, window, _options.MaxPlausiblePowerW,
            "the readings are not trustworthy (is the unit right, e.g. mJ read as J?)");

        return window;
    }

    public ValueTask DisposeAsync() => _start?.Poller.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Polls (then waits a poll period) until <paramref name="done"/> holds, polling stopped for good, or the deadline passed.</summary>
    private async Task PollUntilAsync(Func<bool> done, double deadlineS, CancellationToken cancellationToken)
    {
        var poller = _start!.Poller;
        while (!done() && poller.Failure is null)
        {
            try
            {
                await poller.PollAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MeterException)
            {
                return;
            }

            if (done() || _clock.Now >= deadlineS)
                return;
            await _clock.DelayAsync(Math.Min(_prometheus.PollSeconds, Math.Max(0.001, deadlineS - _clock.Now)), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
