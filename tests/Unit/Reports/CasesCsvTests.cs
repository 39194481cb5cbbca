using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

public sealed class CasesCsvTests
{
    [Fact]
    public void Render_FixedRun_OneRowPerCaseWithTheCaseRecordsValues()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        var rows = Parse(CasesCsv.Render(run));

        rows.Should().HaveCount(13);
        rows.Should().OnlyContain(r => r.Count == 28);
        var header = rows[0];
        header.Take(3).Should().Equal("run_id", "model", "prompt_ordinal");
        header[^1].Should().Be("response");
        var c = run.Cases[5];
        var row = rows[6].Select((v, i) => (header[i], v)).ToDictionary(x => x.Item1, x => x.v);
        row["run_id"].Should().Be(c.RunId);
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
        row["meter"].Should().Be("powermetrics");
        row["domains"].Should().Be("cpu gpu ane total");
        row["method"].Should().Be("measured");
        row["prompt"].Should().Be(c.PromptText);
        row["response"].Should().Be(c.Completion.Text);
    }

    [Fact]
    public void Render_ResponseWithCommaQuoteAndNewline_RoundTrips()
    {
        const string Text = "one, \"two\"\nthree,\r\n\"\"";
        var run = RunDataReader.Read(RunCopies.WithFirstResponse(Text));

        var rows = Parse(CasesCsv.Render(run));

        rows.Should().HaveCount(13);
        rows[1][^1].Should().Be(Text);
        rows[2][^1].Should().Be(run.Cases[1].Completion!.Text);
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; rows end at LF or CRLF.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                field.Length.Should().Be(0, "a quote may only open a field");
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                    i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        quoted.Should().BeFalse("every quoted field must be closed");
        (row.Count == 0 && field.Length == 0).Should().BeTrue("the file ends with a line break");
        return rows;
    }
}
