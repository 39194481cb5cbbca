using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) =>
        CliApp.Build(Console.Out, Console.Error, run => RunReport.Paths(RunReport.Write(run))).RunAsync(args);
}
