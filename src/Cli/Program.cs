namespace SlmEnergyBench.Cli;

public static class Program
{
    public static int Main(string[] args) => CliApp.Build(Console.Out, Console.Error, ReportWriterNotMerged).Run(args);

    /// <summary>
    /// Placeholder until the report writer (built on another branch) is merged: the <c>report</c> command and the
    /// report step of <c>import-seed</c> say so and exit with code 1. Wire the real writer here at merge time.
    /// </summary>
    private static IReadOnlyList<string> ReportWriterNotMerged(string runDirectory) =>
        throw new NotSupportedException($"report writer not merged yet: no report was written for {runDirectory}.");
}
