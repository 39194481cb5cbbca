using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// The label of each machine of a merged report, from its <c>run.json</c>: hardware (the CPU model without (R) and (TM) marks, else
/// the architecture and operating system), runtime (the runtimes of a multi-runtime run, else the backend's name without its
/// parenthesised detail), meter and method, joined with " · ", e.g. <c>Apple M1 Pro · gpt4all · powermetrics (seed study) (IMPORTED)</c>.
/// The Machines table gives the rest (OS, cores, the backend in full). Two runs whose labels are the same (two runs of one machine)
/// get their run id appended; <c>--label</c> replaces a label.
/// </summary>
public static partial class MachineLabels
{
    /// <summary>What joins the parts of a label.</summary>
    public const string Separator = " · ";

    /// <summary>The method as labels and legends write it (<see cref="EnergyMethodText.Word"/>): <c>measured</c>, <c>ESTIMATED</c>, ...</summary>
    public static string MethodWord(EnergyMethod method) => EnergyMethodText.Word(method);

    /// <summary>The automatic label of <paramref name="run"/>, before it is made distinct from the others'.</summary>
    public static string Of(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var m = run.Manifest;
        var runtime = m.Runtimes is { Count: > 0 } runtimes ? string.Join(" + ", runtimes.Select(r => r.Label)) : Detail().Replace(m.Backend.Name, "");
        var hardware = string.IsNullOrWhiteSpace(m.Machine.CpuModel)
            ? $"{m.Machine.Architecture} {ReportNumbers.Cut(m.Machine.Os, 40)}"
            : Marks().Replace(m.Machine.CpuModel, "");
        string[] parts = [hardware, runtime, $"{m.Meter.Meter} ({MethodWord(run.Method)})"];
        return string.Join(Separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));
    }

    /// <summary>
    /// One distinct label per run, in order: the user's (<paramref name="overrides"/>, matched by <see cref="Matches"/>) where given,
    /// else <see cref="Of"/>; automatic labels that two runs share get <c> · &lt;run id&gt;</c>, and then, if still shared,
    /// <c> · &lt;the run as given&gt;</c>.
    /// </summary>
    /// <exception cref="RunDataException">Two runs end with the same label (two <c>--label</c>s giving one name, or a name an automatic label has).</exception>
    public static IReadOnlyList<string> Assign(IReadOnlyList<(string Given, RunData Run)> runs, IReadOnlyList<LabelOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(overrides);
        var user = runs.Select(r => overrides.LastOrDefault(o => Matches(o.Run, r.Given, r.Run))?.Name).ToArray();
        var labels = runs.Select(r => Of(r.Run)).ToArray();
        Disambiguate(labels, user, i => runs[i].Run.RunId);
        Disambiguate(labels, user, i => runs[i].Given);
        for (var i = 0; i < labels.Length; i++)
            labels[i] = user[i] ?? labels[i];

        var shared = labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            var which = runs.Where((_, i) => labels[i] == shared.Key).Select(r => r.Given);
            throw new RunDataException(
                $"Two runs would be labelled '{shared.Key}' ({string.Join(", ", which)}); each machine needs its own label. Give each its own --label <run>=<name>.");
        }

        return labels;
    }

    /// <summary>
    /// Whether <c>--label</c>'s <paramref name="key"/> names the run given as <paramref name="given"/>: the same text, the same folder,
    /// the run's id, or the folder's name.
    /// </summary>
    public static bool Matches(string key, string given, RunData run)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(run);
        return key == given || key == run.RunId || SameFolder(key, run.Directory)
               || key == Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(run.Directory)));
    }

    /// <summary>Whether two paths name the same folder (full paths compared, a trailing separator ignored).</summary>
    internal static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>Appends <paramref name="extra"/> to each automatic label (no user label) that another automatic label equals.</summary>
    private static void Disambiguate(string[] labels, string?[] user, Func<int, string> extra)
    {
        var counts = labels.Where((_, i) => user[i] is null).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            if (user[i] is null && counts[labels[i]] > 1)
                labels[i] = labels[i] + Separator + extra(i);
        }
    }

    /// <summary>A trailing parenthesised detail, e.g. " (in-process WireMock server)" of "fake GPT4All (in-process WireMock server)".</summary>
    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex Detail();

    /// <summary>The (R) and (TM) marks of a CPU model, e.g. "Intel(R) Xeon(R) Processor" is "Intel Xeon Processor".</summary>
    [GeneratedRegex(@"\((R|TM|tm|r)\)")]
    private static partial Regex Marks();
}

/// <summary>A <c>--label &lt;run&gt;=&lt;name&gt;</c> option: the run (as given, its id, or its folder's name) and the label it gets.</summary>
/// <param name="Run">The run, as <see cref="MachineLabels.Matches"/> matches it.</param>
/// <param name="Name">The label, shown in every table, legend and caption instead of the automatic one.</param>
public sealed record LabelOverride(string Run, string Name)
{
    /// <summary>Parses <c>&lt;run&gt;=&lt;name&gt;</c> (split at the last <c>=</c>, so a folder may hold one).</summary>
    /// <exception cref="RunDataException">No <c>=</c>, or nothing on either side of it.</exception>
    public static LabelOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('=');
        if (at <= 0 || at == text.Length - 1 || string.IsNullOrWhiteSpace(text[..at]) || string.IsNullOrWhiteSpace(text[(at + 1)..]))
        {
            throw new RunDataException(
                $"--label {text}: expected <run>=<name>, e.g. --label results/20261126-193527-fake=\"Lab Mac mini M2\" (the run as given, its run id or its folder's name).");
        }

        return new LabelOverride(text[..at].Trim(), text[(at + 1)..].Trim());
    }
}
