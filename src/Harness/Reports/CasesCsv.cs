using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// <c>cases.csv</c>: one row per case for spreadsheets and scripts (RFC 4180: comma separated, a field holding a comma,
/// quote or line break quoted with its quotes doubled, LF line ends, a header row). Numbers are invariant and round-trip;
/// a missing value is an empty field. <c>energy_j</c>, <c>energy_net_j</c>, <c>average_power_w</c> and
/// <c>peak_power_w</c> are the <see cref="Domains.Total"/> domain's, and so are <c>energy_pro_rata_j</c> (the plain pro-rata
/// figure kept beside it) and <c>energy_from_edge_samples_j</c> (the part of <c>energy_j</c> that came from samples
/// straddling the window's edges) under <c>edge_rule</c> (<see cref="EdgeRules"/>); for each other domain the run's cases carry
/// (<see cref="RunData.EnergyDomains"/>, e.g. <c>gpu</c>) <c>energy_gpu_j</c> and <c>average_power_gpu_w</c> follow, and
/// <c>energy_gpu_net_j</c> when a case has that domain net of idle. <c>method</c> is how the energy was obtained
/// (<see cref="EnergyMethodText.Stored"/>), <c>backend_simulated</c> whether the backend was a fake (<c>true</c>/<c>false</c>),
/// and <c>approximation</c> how a window's figures were approximated, when they were.
/// </summary>
public static class CasesCsv
{
    public const string FileName = "cases.csv";

    private static readonly string[] Leading =
    [
        "run_id", "runtime", "model", "prompt_ordinal", "prompt_dataset_index", "repetition", "outcome", "start_s", "end_s", "latency_s",
        "prompt_tokens", "completion_tokens", "words", "characters", "tokens_per_s", "words_per_s", "time_to_first_token_s",
        "energy_j", "energy_net_j", "average_power_w", "peak_power_w", "edge_rule", "energy_pro_rata_j", "energy_from_edge_samples_j",
    ];

    private static readonly string[] Trailing =
    [
        "coverage", "sample_count", "approximation", "meter", "domains", "method", "backend_simulated", "problems", "prompt", "response",
    ];

    /// <summary>The gross joules column of <paramref name="domain"/>: <c>energy_gpu_j</c>.</summary>
    public static string EnergyColumn(string domain) => $"energy_{domain}_j";

    /// <summary>The net-of-idle joules column of <paramref name="domain"/>: <c>energy_gpu_net_j</c>.</summary>
    public static string NetColumn(string domain) => $"energy_{domain}_net_j";

    /// <summary>The average power column of <paramref name="domain"/>: <c>average_power_gpu_w</c>.</summary>
    public static string PowerColumn(string domain) => $"average_power_{domain}_w";

    public static string Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var domains = run.EnergyDomains
            .Select(d => (Domain: d, Net: run.Cases.Any(c => EnergyDomains.Net(c, d) is not null)))
            .ToArray();
        var header = new List<string>(Leading);
        foreach (var (domain, net) in domains)
        {
            header.Add(EnergyColumn(domain));
            if (net)
                header.Add(NetColumn(domain));
            header.Add(PowerColumn(domain));
        }

        header.AddRange(Trailing);
        var csv = new StringBuilder();
        AppendRow(csv, header);
        foreach (var c in run.Cases)
            AppendRow(csv, Row(c, domains));
        return csv.ToString();
    }

    private static List<string> Row(CaseRecord c, IReadOnlyList<(string Domain, bool Net)> domains)
    {
        var completion = c.Completion;
        var energy = c.Energy;
        var total = EnergyDomains.Gross(c, Domains.Total);
        var row = new List<string>
        {
            c.RunId, c.Runtime ?? "", c.Model, Integer(c.PromptOrdinal), Integer(c.PromptDatasetIndex), Integer(c.Repetition), c.Outcome,
            RoundTrip(completion?.StartS), RoundTrip(completion?.EndS), RoundTrip(completion?.WallSeconds),
            Integer(completion?.PromptTokens), Integer(completion?.CompletionTokens), Integer(completion?.WordCount), Integer(completion?.CharacterCount),
            RoundTrip(c.TokensPerSecond), RoundTrip(c.WordsPerSecond), RoundTrip(completion?.TimeToFirstTokenS),
            RoundTrip(total?.Joules), RoundTrip(EnergyDomains.Net(c, Domains.Total)), RoundTrip(total?.AveragePowerW), RoundTrip(total?.PeakPowerW),
            energy?.Window.EdgeRule ?? "", RoundTrip(TotalOf(energy?.Window.ProRataJoules)), RoundTrip(TotalOf(energy?.Window.EdgeJoules)),
        };
        foreach (var (domain, net) in domains)
        {
            var own = EnergyDomains.Gross(c, domain);
            row.Add(RoundTrip(own?.Joules));
            if (net)
                row.Add(RoundTrip(EnergyDomains.Net(c, domain)));
            row.Add(RoundTrip(own?.AveragePowerW));
        }

        row.AddRange([
            RoundTrip(energy?.Window.Coverage), Integer(energy?.Window.SampleCount), energy?.Window.Approximation ?? "",
            energy?.Provenance.Meter ?? "", energy is null ? "" : string.Join(" ", energy.Provenance.Domains),
            energy is null ? "" : EnergyMethodText.Stored(energy.Provenance.Method), c.BackendSimulated ? "true" : "false",
            string.Join(" | ", c.Problems), c.PromptText, completion?.Text ?? "",
        ]);
        return row;
    }

    private static double? TotalOf(IReadOnlyDictionary<string, double>? joules) =>
        joules is not null && joules.TryGetValue(Domains.Total, out var j) ? j : null;

    private static string Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>One RFC 4180 row: the fields joined with commas, each quoted when it must be, then LF.</summary>
    internal static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                csv.Append(',');
            csv.Append(Field(fields[i]));
        }

        csv.Append('\n');
    }

    /// <summary>A field as RFC 4180 wants it: quoted, with its quotes doubled, when it holds a comma, quote or line break.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
