namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Which domains of a powermetrics sample add up to <see cref="Domains.Total"/>, decided once from the first
/// sample of a stream so that the total means the same thing in every sample of a run.
/// </summary>
/// <remarks>
/// <para>Apple Silicon (the sample carries CPU and GPU energies): total = cpu + gpu + ane (ANE when present),
/// as powermetrics' own <c>combined_power</c>.</para>
/// <para>Intel Macs (no CPU/GPU pair, but a package: <c>package_joules</c> or <c>package_watts</c>): total = package.
/// The package holds the cores, the integrated GPU and the system agent, so a CPU or GPU figure beside it is
/// nested inside it: never added.</para>
/// <para>Package is never summed with cpu or gpu (they overlap): on Apple Silicon a package figure, where a version
/// writes one, is informational. DRAM is a separate rail but written by some versions only; it is kept as its own
/// domain and left out of the total, so that totals compare across macOS versions.</para>
/// </remarks>
/// <param name="Parts">Domains whose sum is the total; a sample lacking one that is not optional gets no total.</param>
/// <param name="Optional">Parts added when present (ANE: absent on some versions).</param>
/// <param name="Text">The rule as shown in the provenance, e.g. <c>total = package</c>.</param>
public sealed record PowermetricsTotalRule(IReadOnlyList<string> Parts, IReadOnlyList<string> Optional, string Text)
{
    /// <summary>Apple Silicon: cpu + gpu + ane.</summary>
    public static PowermetricsTotalRule CpuGpuAne { get; } = new(
        [Domains.Cpu, Domains.Gpu, Domains.Ane],
        [Domains.Ane],
        "total = cpu + gpu + ane (as combined_power; no total for a sample without cpu or gpu)");

    /// <summary>Intel Macs: the package alone.</summary>
    public static PowermetricsTotalRule Package { get; } = new(
        [Domains.Package],
        [],
        "total = package (it holds the cores and the integrated GPU; no total for a sample without it)");

    /// <summary>The rule for a stream whose first sample is <paramref name="sample"/>; null when it can give no total.</summary>
    public static PowermetricsTotalRule? For(PowermetricsSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.EnergyJ.ContainsKey(Domains.Cpu) && sample.EnergyJ.ContainsKey(Domains.Gpu))
            return CpuGpuAne;
        return sample.EnergyJ.ContainsKey(Domains.Package) ? Package : null;
    }

    /// <summary>
    /// Why a stream whose first sample is <paramref name="sample"/> cannot be measured (<see cref="For"/> is null):
    /// the keys it carries and what to do.
    /// </summary>
    /// <param name="sample">The first sample.</param>
    /// <param name="source">Where it came from, e.g. the command line.</param>
    /// <param name="samplers">The configured samplers (<c>Meter:Samplers</c>).</param>
    public static string Refusal(PowermetricsSample sample, string source, string samplers)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var seen = sample.ProcessorKeys is { } keys
            ? $"its processor dict holds {(keys.Count == 0 ? "no key" : string.Join(", ", keys))}"
            : $"it has no processor dict (top-level keys: {string.Join(", ", sample.TopLevelKeys)})";
        var energies = sample.KeysRead.Count == 0
            ? "none of the energy keys this meter reads"
            : $"only {string.Join(", ", sample.KeysRead.Values.Select(k => k.Name))}, from which no total can be formed (neither cpu and gpu nor package)";
        var model = sample.HwModel is { } m ? $" ({m})" : "";
        return $"powermetrics' first sample{model} from `{source}` carries {energies}: {seen}. "
            + "This meter reads processor.<domain>_energy (mJ), _joules (J), _power (mW) or _watts (W) for the domains "
            + $"{string.Join(", ", PowermetricsKey.DomainOrder)}; a total needs cpu and gpu (Apple Silicon) or package (Intel Macs). "
            + $"Check that Meter:Samplers (now '{samplers}') includes cpu_power; if it does, this powermetrics writes keys the suite does not know: "
            + "report them with the output of `sudo powermetrics -n 1 -i 100 --samplers cpu_power,gpu_power -f plist`, "
            + "and meanwhile use another meter (Meter:Kind = estimate gives ESTIMATED figures).";
    }

    /// <summary>
    /// <paramref name="energyJ"/> with <see cref="Domains.Total"/> added when the sample carries every non-optional
    /// part; unchanged otherwise (a total is never silently partial).
    /// </summary>
    public IReadOnlyDictionary<string, double> WithTotal(IReadOnlyDictionary<string, double> energyJ)
    {
        ArgumentNullException.ThrowIfNull(energyJ);
        if (Parts.Any(d => !energyJ.ContainsKey(d) && !Optional.Contains(d)))
            return energyJ;
        return new Dictionary<string, double>(energyJ, StringComparer.Ordinal)
        {
            [Domains.Total] = Parts.Where(energyJ.ContainsKey).Sum(d => energyJ[d]),
        };
    }
}
