namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// One series on the <see cref="FakeEnergyExporter"/>'s <c>/metrics</c>: its metric name, type (<c>counter</c> or <c>gauge</c>), help
/// text and labels as the real exporter writes them, and the domain and unit its value comes from.
/// </summary>
/// <param name="Name">Metric name, e.g. <c>DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION</c>.</param>
/// <param name="Help">The <c># HELP</c> text.</param>
/// <param name="Labels">Label names and values in exposition order.</param>
/// <param name="IdLabel">The one label that tells this series from others of its name (e.g. <c>gpu</c>, <c>zone</c>).</param>
/// <param name="Domain">The domain of <see cref="ExporterDomains"/> its value comes from.</param>
/// <param name="Kind">How the value is derived (unit, rounding, counter or gauge).</param>
public sealed record ExporterSeries(
    string Name,
    string Help,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    string IdLabel,
    string Domain,
    ExporterValueKind Kind)
{
    /// <summary><c>counter</c> or <c>gauge</c>, for <c># TYPE</c>.</summary>
    public string Type => Kind == ExporterValueKind.GaugeWatts ? "gauge" : "counter";

    /// <summary>
    /// The series' name in the truth log and a PromQL selector for it at once: the metric name and its <see cref="IdLabel"/>,
    /// e.g. <c>DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0"}</c>.
    /// </summary>
    public string Key => $"{Name}{{{IdLabel}=\"{Labels.First(l => l.Key == IdLabel).Value}\"}}";

    /// <summary>Its label set in exposition form, <c>{a="x",b="y"}</c>.</summary>
    public string LabelText => "{" + string.Join(",", Labels.Select(l => $"{l.Key}=\"{Escape(l.Value)}\"")) + "}";

    /// <summary>
    /// The value at the instant whose counter energy is <paramref name="energyJ"/> joules and power <paramref name="powerW"/> watts:
    /// millijoules rounded down, joules rounded down to microjoules, joules, or watts rounded to milliwatts.
    /// </summary>
    public double Value(double energyJ, double powerW) => Kind switch
    {
        ExporterValueKind.CounterMillijoules => Math.Floor(energyJ * 1000),
        ExporterValueKind.CounterJoulesFromMicrojoules => Math.Floor(energyJ * 1e6) / 1e6,
        ExporterValueKind.CounterJoules => energyJ,
        _ => Math.Round(powerW, 3),
    };

    // The text format escapes backslash, double quote and line feed in label values.
    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
