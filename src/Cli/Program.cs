using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Cli;

public static class Program
{
    public static int Main(string[] args) =>
        CliApp.Build(Console.Out, Console.Error, run => RunReport.Paths(RunReport.Generate(run))).Run(args);
}
