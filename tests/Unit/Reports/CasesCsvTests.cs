using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

public sealed class CasesCsvTests
{
    [Fact]
    public void Render_FixedRun_OneRowPerCaseWithTheCaseRecordsValues()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        var rows = TestCsv.Parse(CasesCsv.Render(run));

        rows.Should().HaveCount(13);
        rows.Should().OnlyContain(r => r.Count == 43, "29 columns, 3 per domain of cpu, gpu and ane, approximation, backend_simulated and the 3 edge-rule columns");
        var header = rows[0];
        header.Take(4).Should().Equal("run_id", "runtime", "model", "prompt_ordinal");
        header[^1].Should().Be("response");
        var c = run.Cases[5];
        var row = TestCsv.Row(rows, 6);
        row["run_id"].Should().Be(c.RunId);
        row["runtime"].Should().BeEmpty("a run of one runtime records none");
        row["model"].Should().Be(c.Model);
        row["prompt_ordinal"].Should().Be(c.PromptOrdinal.ToString(CultureInfo.InvariantCulture));
        row["outcome"].Should().Be(c.Outcome);
        double.Parse(row["latency_s"], CultureInfo.InvariantCulture).Should().Be(c.Completion!.WallSeconds);
        int.Parse(row["completion_tokens"], CultureInfo.InvariantCulture).Should().Be(c.Completion.CompletionTokens);
        int.Parse(row["words"], CultureInfo.InvariantCulture).Should().Be(c.Completion.WordCount);
        double.Parse(row["tokens_per_s"], CultureInfo.InvariantCulture).Should().Be(c.TokensPerSecond);
        double.Parse(row["energy_j"], CultureInfo.InvariantCulture).Should().Be(c.Energy!.Window.Domains[Domains.Total].Joules);
        double.Parse(row["energy_net_j"], CultureInfo.InvariantCulture).Should().Be(c.Energy.NetJoules![Domains.Total]);
        double.Parse(row["coverage"], CultureInfo.InvariantCulture).Should().Be(c.Energy.Window.Coverage);
        row["time_to_first_token_s"].Should().BeEmpty("the fake GPT4All does not stream");
        row["approximation"].Should().BeEmpty("no figure of the fake run was approximated");
        row["edge_rule"].Should().Be("pro-rata", "the fixed run was recorded before edges were attributed, and pro rata is what it used");
        row["meter"].Should().Be("powermetrics");
        row["domains"].Should().Be("cpu gpu ane total");
        row["method"].Should().Be("simulated", "the fake profile's powermetrics is a stand-in the suite ships");
        row["backend_simulated"].Should().Be("true");
        row["prompt"].Should().Be(c.PromptText);
        row["response"].Should().Be(c.Completion.Text);
    }

    [Fact]
    public void Render_FixedRun_HasEachDomainsGrossNetAndPowerColumnsWithTheRecordsValues()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        var rows = TestCsv.Parse(CasesCsv.Render(run));

        rows[0].Skip(21).Take(12).Should().Equal(
            "edge_rule", "energy_pro_rata_j", "energy_from_edge_samples_j",
            "energy_cpu_j", "energy_cpu_net_j", "average_power_cpu_w", "energy_gpu_j", "energy_gpu_net_j", "average_power_gpu_w",
            "energy_ane_j", "energy_ane_net_j", "average_power_ane_w");
        // The first case as fixtures/runs/20261126-202418-fake/cases.jsonl holds it (line 1), copied by hand.
        var first = TestCsv.Row(rows, 1);
        Value(first, "energy_cpu_j").Should().Be(0.8389917318265111);
        Value(first, "energy_cpu_net_j").Should().Be(0.4631658728127474);
        Value(first, "average_power_cpu_w").Should().Be(1.339055201580884);
        Value(first, "energy_gpu_j").Should().Be(8.68144141488567);
        Value(first, "energy_gpu_net_j").Should().Be(8.650331341846075);
        Value(first, "average_power_gpu_w").Should().Be(13.8558329514339);
        Value(first, "energy_ane_j").Should().Be(0);
        // Each domain's average power is its joules over the window (3.0311798 s to 3.6577348 s), as for the total.
        Value(first, "average_power_gpu_w").Should().BeApproximately(8.68144141488567 / (3.6577348 - 3.0311798), 1e-9);
        // The domains add up to the total (powermetrics' total = cpu + gpu + ane) on every row.
        foreach (var i in Enumerable.Range(1, 12))
        {
            var row = TestCsv.Row(rows, i);
            (Value(row, "energy_cpu_j") + Value(row, "energy_gpu_j") + Value(row, "energy_ane_j")).Should().BeApproximately(Value(row, "energy_j"), 1e-9);
        }
    }

    [Fact]
    public void Render_IdleAttributedWindow_HasTheRuleTheProRataTotalAndTheEdgeShare()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var first = run.Cases[0];
        var window = first.Energy!.Window with
        {
            EdgeRule = EdgeRules.IdleAttributed,
            ProRataJoules = new Dictionary<string, double> { [Domains.Total] = 9.25 },
            EdgeJoules = new Dictionary<string, double> { [Domains.Total] = 1.5 },
        };
        run = run with { Cases = [first with { Energy = first.Energy with { Window = window } }, .. run.Cases.Skip(1)] };

        var row = TestCsv.Row(TestCsv.Parse(CasesCsv.Render(run)), 1);

        row["edge_rule"].Should().Be("idle-attributed");
        Value(row, "energy_pro_rata_j").Should().Be(9.25);
        Value(row, "energy_from_edge_samples_j").Should().Be(1.5);
        Value(row, "energy_j").Should().Be(first.Energy.Window.Domains[Domains.Total].Joules);
    }

    [Fact]
    public void Render_ApproximatedWindow_HasItsApproximationInItsOwnColumn()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var first = run.Cases[0];
        const string Note = "NVML's energy counter did not move within the window, so power x duration was used";
        run = run with { Cases = [first with { Energy = first.Energy! with { Window = first.Energy.Window with { Approximation = Note } } }, .. run.Cases.Skip(1)] };

        var rows = TestCsv.Parse(CasesCsv.Render(run));

        TestCsv.Row(rows, 1)["approximation"].Should().Be(Note);
        TestCsv.Row(rows, 2)["approximation"].Should().BeEmpty();
    }

    [Fact]
    public void Render_RunWithoutEnergyDomains_HasOnlyTheTotalsColumns()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        run = run with
        {
            Cases = [.. run.Cases.Select(c => c with
            {
                Energy = c.Energy! with { Window = c.Energy.Window with { Domains = c.Energy.Window.Domains.Where(d => d.Key == Domains.Total).ToDictionary() } },
            })],
        };

        var header = TestCsv.Parse(CasesCsv.Render(run))[0];

        header.Should().HaveCount(34).And.NotContain(h => h.StartsWith("energy_cpu", StringComparison.Ordinal) || h.StartsWith("average_power_gpu", StringComparison.Ordinal));
    }

    private static double Value(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    [Fact]
    public void Render_ResponseWithCommaQuoteAndNewline_RoundTrips()
    {
        const string Text = "one, \"two\"\nthree,\r\n\"\"";
        var run = RunDataReader.Read(RunCopies.WithFirstResponse(Text));

        var rows = TestCsv.Parse(CasesCsv.Render(run));

        rows.Should().HaveCount(13);
        rows[1][^1].Should().Be(Text);
        rows[2][^1].Should().Be(run.Cases[1].Completion!.Text);
    }
}
