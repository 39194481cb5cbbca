using System.Globalization;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// The Prometheus server's clock against the session's: scrape timestamps are the server's Unix seconds u_server; the
/// session's second s is u_local = <see cref="SessionClock.OriginUtc"/> (Unix seconds) + s, and u_server = u_local +
/// <see cref="OffsetS"/>.
/// </summary>
/// <remarks>
/// Estimated NTP-style (RFC 5905's offset from one exchange): query <c>time()</c> (no time parameter: evaluated at the server's
/// now, millisecond resolution) a few times; offset = server time - midpoint of the request's round trip; the exchange with
/// the shortest round trip is kept, and the offset is known to within half its round trip plus the 0.5 ms of the server's
/// rounding (<see cref="UncertaintyS"/>).
/// </remarks>
internal sealed record ServerClock(double OriginUnixS, double OffsetS, double UncertaintyS, double RoundTripS)
{
    /// <summary>How many <c>time()</c> queries the estimate makes.</summary>
    public const int Exchanges = 4;

    /// <summary>Half a millisecond: <c>time()</c> is the evaluation timestamp, in whole milliseconds.</summary>
    public const double ServerResolutionS = 0.0005;

    /// <summary>Session seconds of a server Unix time.</summary>
    public double ToSession(double serverUnixS) => serverUnixS - OffsetS - OriginUnixS;

    /// <summary>Server Unix time of a session second.</summary>
    public double ToServer(double sessionS) => sessionS + OffsetS + OriginUnixS;

    /// <summary>For provenance: the offset and its uncertainty.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Prometheus's clock is {OffsetS * 1000:0.#} ms ahead of this machine's (± {UncertaintyS * 1000:0.#} ms: half the shortest of {Exchanges} time() round trips, {RoundTripS * 1000:0.#} ms, plus the server's 1 ms rounding); scrape times are corrected by it.");

    /// <summary>Estimates the offset with <see cref="Exchanges"/> <c>time()</c> queries.</summary>
    public static async Task<ServerClock> EstimateAsync(PrometheusClient client, SessionClock clock, CancellationToken cancellationToken)
    {
        var origin = (clock.OriginUtc - DateTimeOffset.UnixEpoch).TotalSeconds;
        (double Offset, double RoundTrip)? best = null;
        for (var i = 0; i < Exchanges; i++)
        {
            var sent = clock.Now;
            var data = await client.QueryAsync("time()", null, cancellationToken).ConfigureAwait(false);
            var received = clock.Now;
            var server = PromJson.Scalar(data, "time()").V;
            var roundTrip = received - sent;
            var offset = server - (origin + ((sent + received) / 2));
            if (best is null || roundTrip < best.Value.RoundTrip)
                best = (offset, roundTrip);
        }

        return new ServerClock(origin, best!.Value.Offset, (best.Value.RoundTrip / 2) + ServerResolutionS, best.Value.RoundTrip);
    }
}
