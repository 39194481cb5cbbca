using System.CommandLine;
using System.Globalization;
using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Cli;

/// <summary>
/// <c>slmbench merge &lt;run&gt; &lt;run&gt;...</c>: one report of runs made on several machines (<see cref="MergeReader"/>,
/// <see cref="MergeWriter"/>), into <c>--out</c> or a new <c>&lt;results&gt;/merged-&lt;UTC time&gt;/</c>. A run that cannot be used is
/// left out with a warning on stderr and a notice in the report, as long as two runs remain; fewer is bad input (exit code 2).
/// </summary>
internal sealed class MergeCommand(TextWriter output, TextWriter error, TimeProvider time, Func<Func<int>, int> guard)
{
    /// <summary>The prefix of a merged report's default folder under the results folder: <c>merged-20261201-103000</c>.</summary>
    public const string FolderPrefix = "merged-";

    public Command Create()
    {
        var runs = new Argument<string[]>("runs")
        {
            Description = "Two run folders or more (or run ids under --results), one per machine.",
            Arity = ArgumentArity.OneOrMore,
        };
        var results = new Option<string>("--results")
        {
            Description = "The results folder where a run id is looked up and the default --out folder is made (default: results).",
            DefaultValueFactory = _ => "results",
        };
        var outFolder = new Option<string?>("--out") { Description = "The folder the merged report is written into (made if missing; default: <results>/merged-<UTC time>)." };
        var labels = new Option<string[]>("--label")
        {
            Description = "<run>=<name>: the label of one machine instead of the automatic one (hardware · OS · runtime · meter (method)); <run> as given, "
                          + "its run id or its folder's name. Repeat for more.",
        };
        var command = new Command(
            "merge",
            "Makes one report of runs made on several machines (or runtimes): the machine is a column of every table and a series of every chart, "
            + "each row one machine's own figures for one model, each machine's meter, domains and method beside them; nothing is averaged across machines. "
            + "Reads each run folder; writes report.html, report.md, summaries.csv and charts/ into --out, and prints the paths. A run that cannot be used "
            + "(not a run folder, unreadable, no passed case, given twice) is left out with a warning while two runs remain; exit code 0, or 2 on bad input "
            + "(fewer than two usable runs, a bad --label). Example: slmbench merge results/20261126-193527-gpt4all ci-runs/linux-rapl --label ci-runs/linux-rapl=\"Linux box\"")
        {
            runs,
            results,
            outFolder,
            labels,
        };
        command.SetAction(parse => guard(() => Run(
            parse.GetRequiredValue(runs), parse.GetRequiredValue(results), parse.GetValue(outFolder), parse.GetValue(labels) ?? [])));
        return command;
    }

    private int Run(string[] runs, string results, string? outFolder, string[] labelTexts)
    {
        var labels = labelTexts.Select(LabelOverride.Parse).ToArray();
        var merged = MergeReader.Read(runs, run => RunFolders.Resolve(run, results), labels);
        foreach (var skipped in merged.Skipped)
            error.WriteLine($"warning: left out {skipped.Given}: {skipped.Reason}");
        foreach (var machine in merged.Machines)
        {
            foreach (var warning in machine.Run.Warnings)
                error.WriteLine($"warning: {warning}");
        }

        var directory = outFolder ?? NewFolder(RunFolders.UsableResults(results));
        var files = MergeWriter.Write(merged, directory);
        output.WriteLine($"Merged {merged.Machines.Count} runs, one machine each:");
        foreach (var machine in merged.Machines)
            output.WriteLine($"  {machine.Legend}: {machine.Given}");
        output.WriteLine($"Merged report in {directory}:");
        foreach (var path in (string[])[files.Html, files.Markdown, files.Csv, .. files.Charts])
            output.WriteLine($"  {path}");
        output.WriteLine($"Open {files.Html}");
        return CliApp.Success;
    }

    /// <summary>A new folder <c>&lt;results&gt;/merged-&lt;UTC time&gt;</c>, with <c>-2</c>, <c>-3</c>... when one of that name exists.</summary>
    private string NewFolder(string results)
    {
        var stem = Path.Combine(results, FolderPrefix + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var folder = stem;
        for (var n = 2; Directory.Exists(folder) || File.Exists(folder); n++)
            folder = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        return folder;
    }
}
