using System.Reflection;
using System.Text;
using BenchmarkDotNet.Reports;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// Copies each benchmark class's BenchmarkDotNet tables into <c>docs/benchmarks/</c> under a stable name
/// (<c>&lt;Class&gt;.md</c> with the goal and the command above BenchmarkDotNet's GitHub Markdown, which names the machine:
/// OS, CPU, cores, .NET; and <c>&lt;Class&gt;.csv</c>), so a run's figures replace the last ones and git shows the change.
/// </summary>
public static class DocsWriter
{
    /// <summary>The command that runs one group, with the class name in its filter.</summary>
    public const string Command = "dotnet run -c Release --project benchmarks -- --filter '*{0}*'";

    /// <summary>
    /// Writes the pages of <paramref name="summaries"/> into <paramref name="folder"/> and returns their paths.
    /// A summary with no benchmark case (a filter that matched nothing in it) writes nothing.
    /// </summary>
    /// <exception cref="FileNotFoundException">BenchmarkDotNet did not export the Markdown or CSV this needs.</exception>
    public static IReadOnlyList<string> Write(IEnumerable<Summary> summaries, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var summary in summaries)
        {
            if (summary.BenchmarksCases.Length == 0)
                continue;
            var type = summary.BenchmarksCases[0].Descriptor.Type;
            var markdown = Exported(summary, type, "-report-github.md");
            var csv = Exported(summary, type, "-report.csv");
            var page = Path.Combine(folder, type.Name + ".md");
            File.WriteAllText(page, Page(type, File.ReadAllText(markdown)));
            var table = Path.Combine(folder, type.Name + ".csv");
            File.Copy(csv, table, overwrite: true);
            written.Add(page);
            written.Add(table);
        }

        return written;
    }

    // BenchmarkDotNet names a class's exports by its full type name (without the run's timestamp, which only the title has).
    private static string Exported(Summary summary, Type type, string suffix)
    {
        var path = Path.Combine(summary.ResultsDirectoryPath, type.FullName + suffix);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"BenchmarkDotNet wrote no {suffix} for {type.FullName} in {summary.ResultsDirectoryPath}: keep its Markdown (GitHub) and CSV exporters in BenchConfig.", path);
    }

    /// <summary>A class's page: its name, its goal (<see cref="GoalAttribute"/>), the command that reruns it, then BenchmarkDotNet's Markdown.</summary>
    internal static string Page(Type type, string markdown)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(type.Name).AppendLine();
        if (type.GetCustomAttribute<GoalAttribute>() is { } goal)
            text.Append("**Goal:** ").AppendLine(goal.Text).AppendLine();
        text.Append("Made by `").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Command, type.Name)).AppendLine("` (BenchmarkDotNet; the machine is in the block below).").AppendLine();
        text.Append(markdown);
        return text.ToString();
    }
}
