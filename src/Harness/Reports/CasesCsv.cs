using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// <c>cases.csv</c>: one row per case for spreadsheets and scripts (RFC 4180: comma separated, a field holding a comma,
/// quote or line break quoted with its quotes doubled, LF line ends, a header row). Numbers are invariant and round-trip;
/// a missing value is an empty field. Energy figures are the <see cref="Domains.Total"/> domain's.
/// </summary>
public static class CasesCsv
{
    public const string FileName = "cases.csv";

    private static readonly string[] Header =
    [
        "run_id", "model", "prompt_ordinal", "prompt_dataset_index", "repetition", "outcome", "start_s", "end_s", "latency_s",
        "prompt_tokens", "completion_tokens", "words", "characters", "tokens_per_s", "words_per_s", "time_to_first_token_s",
        "energy_j", "energy_net_j", "average_power_w", "peak_power_w", "coverage", "sample_count", "meter", "domains", "method",
        "problems", "prompt", "response",
    ];

    public static string Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var c in run.Cases)
            AppendRow(csv, Row(c));
        return csv.ToString();
    }

    private static string[] Row(CaseRecord c)
    {
        var completion = c.Completion;
        var energy = c.Energy;
        var total = energy?.Window.Domains.GetValueOrDefault(Domains.Total);
        double? net = energy?.NetJoules is { } n && n.TryGetValue(Domains.Total, out var j) ? j : null;
        return
        [
            c.RunId, c.Model, Integer(c.PromptOrdinal), Integer(c.PromptDatasetIndex), Integer(c.Repetition), c.Outcome,
            RoundTrip(completion?.StartS), RoundTrip(completion?.EndS), RoundTrip(completion?.WallSeconds),
            Integer(completion?.PromptTokens), Integer(completion?.CompletionTokens), Integer(completion?.WordCount), Integer(completion?.CharacterCount),
            RoundTrip(c.TokensPerSecond), RoundTrip(c.WordsPerSecond), RoundTrip(completion?.TimeToFirstTokenS),
            RoundTrip(total?.Joules), RoundTrip(net), RoundTrip(total?.AveragePowerW), RoundTrip(total?.PeakPowerW),
            RoundTrip(energy?.Window.Coverage), Integer(energy?.Window.SampleCount),
            energy?.Provenance.Meter ?? "", energy is null ? "" : string.Join(" ", energy.Provenance.Domains),
            energy is null ? "" : EnergyMethodText.Stored(energy.Provenance.Method),
            string.Join(" | ", c.Problems), c.PromptText, completion?.Text ?? "",
        ];
    }

    private static string Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
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
