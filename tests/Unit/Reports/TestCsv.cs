using System.Text;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>Reads back the CSV files the reports write (cases.csv, a merged report's summaries.csv).</summary>
internal static class TestCsv
{
    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; rows end at LF or CRLF.</summary>
    public static List<List<string>> Parse(string csv)
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

    /// <summary>Row <paramref name="index"/> (1 is the first after the header) as column name to field.</summary>
    public static Dictionary<string, string> Row(List<List<string>> rows, int index) =>
        rows[index].Select((v, i) => (rows[0][i], v)).ToDictionary(x => x.Item1, x => x.v);

    /// <summary>Every row after the header, as column name to field.</summary>
    public static List<Dictionary<string, string>> Rows(string csv)
    {
        var rows = Parse(csv);
        return [.. Enumerable.Range(1, rows.Count - 1).Select(i => Row(rows, i))];
    }
}
