namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// A notice a reader must see before any figure, shown at the top of both reports: in <c>report.html</c> as a coloured box
/// (the CSS class <c>banner &lt;Kind&gt;</c>) with each detail on its own line, in <c>report.md</c> as one bold quote.
/// </summary>
/// <param name="Kind">What it flags: <see cref="Estimated"/>, <see cref="Simulated"/>, <see cref="Imported"/> (the energy's method), <see cref="FakeBackend"/> (the backend) or <see cref="Machine"/> (the machine's state).</param>
/// <param name="Text">The sentence that says it, e.g. "Energy figures in this report are SIMULATED by a fake meter ...".</param>
/// <param name="Details">Sentences that say where it came from (the estimator, its model, the simulating meter, cases below live coverage).</param>
internal sealed record ReportBanner(string Kind, string Text, IReadOnlyList<string> Details)
{
    public const string Estimated = "estimated";
    public const string Simulated = "simulated";
    public const string Imported = "imported";
    public const string FakeBackend = "fake";

    /// <summary>The machine was not fit for comparable figures: not quiet, on battery, or throttled (<see cref="Machine.MachineWarnings"/>).</summary>
    public const string Machine = "machine";

    /// <summary>The text and its details as one line: "Text Detail one. Detail two.".</summary>
    public string Line => Details.Count == 0 ? Text : $"{Text} {string.Join(" ", Details.Select(d => d.EndsWith('.') ? d : d + "."))}";
}
