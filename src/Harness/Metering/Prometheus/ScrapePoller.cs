using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// Reads the raw scrapes of the meter's domains: every poll asks, per domain, the instant query of a range selector
/// <c>selector[lookback]</c> at the server's now (lookback: back to the group's last scrape plus one interval), which answers the
/// raw samples in that range (stale markers never appear in answers), and feeds them to the domains' <see cref="ScrapeGroup"/>s.
/// Polls run every <see cref="PrometheusOptions.PollSeconds"/> on a timer and on demand (<see cref="PollAsync"/>), one at a time.
/// </summary>
/// <remarks>
/// A failed request (network, timeout, server error) is kept as <see cref="LastError"/> and the next poll tries again: the
/// scrapes stay in Prometheus, so nothing is lost. A failure of the data itself (series that stop sharing timestamps, a
/// changed set of series, a negative value) stops the polling for good (<see cref="Failure"/>).
/// </remarks>
internal sealed class ScrapePoller : IAsyncDisposable
{
    private readonly PrometheusClient _client;
    private readonly SessionClock _clock;
    private readonly int _intervalMs;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _samplesGate = new();
    private readonly List<MeterSample> _samples = [];
    private ITimer? _timer;
    private volatile bool _stopped;

    public ScrapePoller(PrometheusClient client, ServerClock serverClock, IReadOnlyList<ScrapeGroup> groups, SessionClock clock, int intervalMs)
    {
        _client = client;
        ServerClock = serverClock;
        Groups = groups;
        _clock = clock;
        _intervalMs = intervalMs;
    }

    public ServerClock ServerClock { get; }

    /// <summary>The API client (the increase method asks its own queries through it).</summary>
    public PrometheusClient Client => _client;

    public IReadOnlyList<ScrapeGroup> Groups { get; }

    /// <summary>The last request that failed (cleared by the next poll that succeeds).</summary>
    public string? LastError { get; private set; }

    /// <summary>Why polling stopped for good; null while it runs.</summary>
    public string? Failure { get; private set; }

    /// <summary>Every sample in the order it arrived; with several groups (targets) each without its group's total.</summary>
    public IReadOnlyList<MeterSample> Samples
    {
        get { lock (_samplesGate) return [.. _samples]; }
    }

    /// <summary>The samples from <paramref name="index"/> on.</summary>
    public IReadOnlyList<MeterSample> From(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (_samplesGate)
            return index >= _samples.Count ? [] : _samples.GetRange(index, _samples.Count - index);
    }

    /// <summary>The end of the samples every group has (session seconds), or null while a group has none.</summary>
    public double? CoveredUntilS => Groups.Any(g => g.Timeline.LastEndS is null) ? null : Groups.Min(g => g.Timeline.LastEndS);

    /// <summary>Starts the background polls every <paramref name="pollSeconds"/>.</summary>
    public void StartTimer(double pollSeconds)
    {
        var period = TimeSpan.FromSeconds(pollSeconds);
        _timer = _clock.TimeProvider.CreateTimer(_ => _ = PollQuietlyAsync(), null, period, period);
    }

    /// <summary>Feeds answers to the groups (the start-up history, or a poll's); the samples they complete join <see cref="Samples"/>.</summary>
    public void Feed(ScrapeGroup group, IReadOnlyDictionary<string, IReadOnlyList<RawSeries>> answers)
    {
        try
        {
            var added = group.Advance(answers, ServerClock.ToSession);
            lock (_samplesGate)
                _samples.AddRange(Groups.Count == 1 ? added : added.Select(s => s.WithoutTotal()));
        }
        catch (MeterException e)
        {
            Failure = e.Message;
            throw;
        }
    }

    /// <summary>One poll of every group (waits for a poll in progress instead of starting a second one alongside).</summary>
    /// <exception cref="MeterException">Polling has stopped for good (<see cref="Failure"/>).</exception>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Failure is { } failure)
                throw new MeterException(failure);
            if (_stopped)
                return;
            foreach (var group in Groups)
            {
                var serverNow = ServerClock.ToServer(_clock.Now);
                var lookbackMs = (long)Math.Ceiling(Math.Max(0, serverNow - (group.LastT ?? serverNow)) * 1000) + _intervalMs;
                var answers = new Dictionary<string, IReadOnlyList<RawSeries>>(StringComparer.Ordinal);
                try
                {
                    foreach (var chain in group.Chains)
                    {
                        var query = $"{chain.Domain.Query}[{lookbackMs}ms]";
                        answers[chain.Domain.Name] = PromJson.Matrix(await _client.QueryAsync(query, serverNow, cancellationToken).ConfigureAwait(false), query);
                    }
                }
                catch (MeterException e)
                {
                    LastError = e.Message;
                    return;
                }

                Feed(group, answers);
            }

            LastError = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        if (_timer is { } timer)
            await timer.DisposeAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        _gate.Release();
        _client.Dispose();
    }

    private async Task PollQuietlyAsync()
    {
        if (_stopped || Failure is not null)
            return;
        try
        {
            await PollAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer's poll must not throw: failures are kept in Failure/LastError and reported by MeasureAsync.
        catch (Exception e) when (e is not MeterException)
        {
            LastError = string.Create(CultureInfo.InvariantCulture, $"prometheus: a poll failed unexpectedly ({e.GetType().Name}: {e.Message}).");
        }
        catch (MeterException)
        {
        }
#pragma warning restore CA1031
    }
}
