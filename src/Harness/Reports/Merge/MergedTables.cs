using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>The merged report's tables as text cells, drawn by both its HTML and its Markdown: the machines, and one row per (model, machine).</summary>
internal static class MergedTables
{
    /// <summary>
    /// One row per machine: its label, run id, hardware, operating system, cores, runtime, meter, domains, method (the word, or in
    /// words which cases had which method when they differ), cases and start.
    /// </summary>
    public static ReportTable Machines(MergedRuns merged)
    {
        string[] headers = ["Machine", "Run", "Hardware", "OS", "Logical cores", "Runtime / backend", "Meter", "Domains", "Method", "Cases", "Started", "Run folder"];
        var rows = merged.Machines.Select(m =>
        {
            var manifest = m.Run.Manifest;
            var runtime = manifest.Runtimes is { Count: > 0 } runtimes ? string.Join(", ", runtimes.Select(r => r.Label)) : manifest.Backend.Name;
            return (IReadOnlyList<string>)
            [
                m.Label, m.Run.RunId, $"{manifest.Machine.CpuModel ?? "CPU not stated"} ({manifest.Machine.Architecture})", manifest.Machine.Os,
                Integer(manifest.Machine.LogicalCores), runtime, manifest.Meter.Meter, m.Components, m.Run.Methods.Count > 1 ? ReportText.RunMethod(m.Run) : EnergyMethodText.Word(m.Method),
                ReportText.CaseCounts(m.Run), Utc(manifest.StartedUtc), m.Given,
            ];
        });
        return new ReportTable(headers, [.. rows]);
    }

    /// <summary>
    /// One row per (model, machine) with passed cases (<see cref="MergedRuns.Rows"/>): the machine's own meter, domains and method
    /// for that model, its counts, then mean [95% CI] of latency, first token (when a machine has it), tokens/s, words/s, J/response
    /// (total, then each domain any machine has, empty where a machine's meter lacks it), J/token and average W, exactly as the
    /// run's own report gives them. Energy figures carry their method's mark (<c>~</c> for an estimate).
    /// </summary>
    public static ReportTable Summary(MergedRuns merged)
    {
        var rows = merged.Rows;
        var domains = Domains(merged);
        var ttft = rows.Any(r => r.Summary.Metrics.ContainsKey(MetricNames.TimeToFirstTokenS));
        var headers = new List<string> { "Model", "Machine", "Meter", "Domains", "Method", "Passed", "Failed", "Latency s" };
        if (ttft)
            headers.Add("First token s");
        headers.AddRange(["Tokens/s", "Words/s", "J/response"]);
        headers.AddRange(domains.Select(d => $"J/response {d}"));
        headers.AddRange(["J/token (ratio of totals)", "J/token (mean of ratios)", "Average W"]);

        var table = new List<IReadOnlyList<string>>();
        foreach (var (machine, s) in rows.Select(r => (r.Machine, r.Summary)))
        {
            var mark = s.Mark;
            var row = new List<string>
            {
                s.Model, machine.Label, s.Meter ?? machine.Meter.Meter, s.Domains.Count > 0 ? string.Join(" + ", s.Domains) : machine.Components,
                s.Method is { } method ? EnergyMethodText.Word(method) : "none", Integer(s.Passed), Integer(s.Failed), MeanCi(Metric(s, MetricNames.LatencyS)),
            };
            if (ttft)
                row.Add(MeanCi(Metric(s, MetricNames.TimeToFirstTokenS)));
            row.AddRange([MeanCi(Metric(s, MetricNames.TokensPerSecond)), MeanCi(Metric(s, MetricNames.WordsPerSecond)), MeanCi(Metric(s, MetricNames.JoulesPerResponse), mark)]);
            row.AddRange(domains.Select(d => MeanCi(Metric(s, MetricNames.ForDomain(MetricNames.JoulesPerResponse, d)), mark)));
            row.AddRange([Number(s.JoulesPerTokenRatioOfTotals, mark), Number(s.JoulesPerTokenMeanOfRatios, mark), MeanCi(Metric(s, MetricNames.AveragePowerW), mark)]);
            table.Add(row);
        }

        return new ReportTable(headers, table);
    }

    /// <summary>Every energy domain other than total that any machine's summaries carry, in the order they first appear.</summary>
    public static IReadOnlyList<string> Domains(MergedRuns merged) =>
        [.. merged.Rows.SelectMany(r => r.Summary.Domains).Distinct(StringComparer.Ordinal)];

    public static Statistics.SampleStatistics? Metric(ModelSummary s, string name) => s.Metrics.GetValueOrDefault(name);

    private static string Integer(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
