using System.Collections.Concurrent;

namespace SlmEnergyBench.Harness.Discovery;

/// <summary>
/// Finds the inference servers on this machine: asks the usual ports (<see cref="UsualPort.Defaults"/>) on 127.0.0.1, and
/// any address a profile names, all at once, each within a short bound (<see cref="Bound"/>), and tells each server
/// from its answers (<see cref="ServerIdentifier"/>). Each address is asked once per instance; <see cref="Shared"/> is the
/// process's, so profile <c>auto</c> asks once at test discovery and the run reuses the answers.
/// </summary>
public sealed class ServerDiscovery
{
    /// <summary>The longest one address is asked for, s, whatever <c>Backend:ProbeTimeoutSeconds</c> allows: 1 s keeps the whole probe (all addresses at once) under about 2 s at test discovery.</summary>
    public const double MaxBoundSeconds = 1.0;

    private readonly ConcurrentDictionary<string, Lazy<Task<PortReport>>> _reports = new(StringComparer.OrdinalIgnoreCase);
    private readonly ServerProber _prober;
    private readonly string _host;

    /// <summary>Probes <paramref name="usual"/> on <paramref name="host"/> with <paramref name="http"/> (a probing client of its own when null).</summary>
    public ServerDiscovery(IReadOnlyList<UsualPort> usual, HttpClient? http = null, string host = "127.0.0.1")
    {
        Usual = usual;
        _prober = new ServerProber(http ?? ServerProber.NewClient());
        _host = host;
    }

    /// <summary>The process's discovery, of the usual ports on 127.0.0.1.</summary>
    public static ServerDiscovery Shared { get; } = new(UsualPort.Defaults);

    /// <summary>The usual ports this instance asks.</summary>
    public IReadOnlyList<UsualPort> Usual { get; }

    /// <summary>Whether any address has been asked yet.</summary>
    public bool HasProbed => !_reports.IsEmpty;

    /// <summary>The bound of one address, s: <paramref name="probeTimeoutSeconds"/> (<c>Backend:ProbeTimeoutSeconds</c>) capped at <see cref="MaxBoundSeconds"/>.</summary>
    public static TimeSpan Bound(double probeTimeoutSeconds) =>
        TimeSpan.FromSeconds(Math.Clamp(probeTimeoutSeconds, 0.05, MaxBoundSeconds));

    /// <summary>
    /// The reports of the usual ports, in their order, then of <paramref name="alsoRootUrls"/> (e.g. <c>http://127.0.0.1:5000</c>)
    /// not among them; addresses asked before are not asked again. Blocks at most about one bound.
    /// </summary>
    public IReadOnlyList<PortReport> Discover(double probeTimeoutSeconds, IEnumerable<string>? alsoRootUrls = null) =>
        DiscoverAsync(probeTimeoutSeconds, alsoRootUrls, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Discover"/>
    public async Task<IReadOnlyList<PortReport>> DiscoverAsync(double probeTimeoutSeconds, IEnumerable<string>? alsoRootUrls, CancellationToken cancellationToken)
    {
        var bound = Bound(probeTimeoutSeconds);
        var targets = Usual.Select(u => (Root: $"http://{_host}:{u.Port}", u.Port, Usual: (string?)u.UsualKind)).ToList();
        foreach (var root in alsoRootUrls ?? [])
        {
            if (!targets.Any(t => string.Equals(t.Root, root, StringComparison.OrdinalIgnoreCase)) && Uri.TryCreate(root, UriKind.Absolute, out var uri))
                targets.Add((root, uri.Port, null));
        }

        var tasks = targets.Select(t => _reports.GetOrAdd(t.Root, _ => new Lazy<Task<PortReport>>(
            () => ProbeAsync(t.Root, t.Port, t.Usual, bound, cancellationToken))).Value).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Every report so far, usual ports first: what profile <c>auto</c> says it found.</summary>
    public IReadOnlyList<PortReport> Known() =>
        [.. _reports.Values.Where(r => r.Value.IsCompletedSuccessfully).Select(r => r.Value.Result)
            .OrderBy(r => r.UsualKind is null).ThenBy(r => Usual.Select(u => u.Port).ToList().IndexOf(r.Port))];

    /// <summary>The address (scheme, host, port) of a base URL such as <c>http://127.0.0.1:8080/v1</c>, or null when it is not an absolute URL.</summary>
    public static string? RootOf(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : null;

    private async Task<PortReport> ProbeAsync(string root, int port, string? usual, TimeSpan bound, CancellationToken cancellationToken)
    {
        var answers = await _prober.AskAsync(root, bound, cancellationToken).ConfigureAwait(false);
        return ServerIdentifier.Identify(root, port, usual, answers);
    }
}
