namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Finds zones of one domain that show one counter twice, e.g. a one-socket, two-die CPU (first-generation
/// Threadripper) whose <c>package-0-die-0</c> and <c>package-0-die-1</c> zones read the same socket counter:
/// summing them would double the package's energy. Such zones are read <see cref="Rounds"/> times,
/// <see cref="Spacing"/> apart; two zones are one counter when their <c>energy_uj</c> values are identical at
/// every conclusive round AND the value moved between rounds. The first zone (by id) is kept, the others are
/// left out and named in <see cref="RaplTree.Skipped"/>.
/// </summary>
/// <remarks>
/// <para>Why "moved": two distinct counters that do not move (idle, or unused and stuck at 0) can read the same
/// value by chance; equal values at two different moments while counting cannot.</para>
/// <para>Why "conclusive": zones are read one after the other, and a counter that updates (about every
/// millisecond) between two reads would make a mirror look different. Each round reads every zone twice in
/// order; a pair (a before b) is compared in that round only when a's two readings agree, so b was read while
/// a's counter stood still. A pair never compared in two rounds is taken as distinct (summed) and said so.</para>
/// </remarks>
internal static class RaplMirrors
{
    /// <summary>Rounds of readings (so the counter moves between at least some of them).</summary>
    public const int Rounds = 4;

    /// <summary>Time between rounds: RAPL counters update about every millisecond, so they move in it.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// <paramref name="tree"/> without the zones that mirror another of the same domain. Reads nothing (and waits
    /// for nothing) when no domain has two zones.
    /// </summary>
    /// <param name="tree">The discovered zones.</param>
    /// <param name="files">Reads <c>energy_uj</c> (errors: <see cref="MeterException"/>).</param>
    /// <param name="pause">Waits between rounds (<see cref="Spacing"/>); tests move fake counters in it.</param>
    /// <param name="cancellationToken">Cancels the pauses.</param>
    public static async Task<RaplTree> LeaveOutAsync(
        RaplTree tree, RaplFiles files, Func<TimeSpan, CancellationToken, Task> pause, CancellationToken cancellationToken)
    {
        var candidates = tree.Zones.GroupBy(z => z.Domain, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToArray();
        if (candidates.Length == 0)
            return tree;

        var rounds = new List<(ulong[] First, ulong[] Second)>();
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
                await pause(Spacing, cancellationToken);
            rounds.Add((Read(candidates, files), Read(candidates, files)));
        }

        var mirrors = new List<(RaplZone Zone, string Why)>();
        var notes = new List<string>();
        for (var b = 0; b < candidates.Length; b++)
        {
            for (var a = 0; a < b && !mirrors.Any(m => m.Zone == candidates[b]); a++)
            {
                var (kept, other) = (candidates[a], candidates[b]);
                if (kept.Domain != other.Domain || mirrors.Any(m => m.Zone == kept))
                    continue;
                switch (Compare(rounds, a, b))
                {
                    case Verdict.Mirror:
                        mirrors.Add((other,
                            $"{other.Id} ({other.Name}: its energy_uj equals that of {kept.Id} ({kept.Name}) at every read while counting: one counter shown twice, counted once)"));
                        break;
                    case Verdict.Still:
                        notes.Add($"{kept.Id} and {other.Id} read the same value at every read but did not move in {(Rounds - 1) * Spacing.TotalMilliseconds:0} ms: taken as two counters, both counted");
                        break;
                    case Verdict.Unknown:
                        notes.Add($"{kept.Id} and {other.Id} could not be compared (a counter moved during every read): taken as two counters, both counted");
                        break;
                }
            }
        }

        return tree.LeavingOut(mirrors, notes);
    }

    private enum Verdict
    {
        /// <summary>Different values at some conclusive round: two counters.</summary>
        Distinct,

        /// <summary>Identical at every conclusive round (two or more) at different values: one counter.</summary>
        Mirror,

        /// <summary>Identical at every conclusive round, but the value never moved: cannot tell.</summary>
        Still,

        /// <summary>Fewer than two conclusive rounds: cannot tell.</summary>
        Unknown,
    }

    /// <summary>Compares zones a and b (a read before b) over the rounds where a's two readings agree.</summary>
    private static Verdict Compare(List<(ulong[] First, ulong[] Second)> rounds, int a, int b)
    {
        var conclusive = rounds.Where(r => r.First[a] == r.Second[a]).ToArray();
        if (conclusive.Any(r => r.First[a] != r.First[b]))
            return Verdict.Distinct;
        if (conclusive.Length < 2)
            return Verdict.Unknown;
        return conclusive.Select(r => r.First[a]).Distinct().Count() > 1 ? Verdict.Mirror : Verdict.Still;
    }

    private static ulong[] Read(RaplZone[] zones, RaplFiles files) => [.. zones.Select(z => files.ReadMicrojoules(z.EnergyFile))];
}
