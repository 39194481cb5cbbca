using BenchmarkDotNet.Running;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Configuration;

// The suite's own speed: every group with `--filter '*'`, one with `--filter '*Requests*'` (see README "The suite's own speed").
var root = RepositoryPaths.FindRoot();
var artifacts = Path.Combine(root, "benchmarks", "artifacts");
Directory.CreateDirectory(artifacts);
var sideFigures = Path.Combine(artifacts, "side-figures.jsonl");
File.Delete(sideFigures);
Environment.SetEnvironmentVariable(SideFigures.FileVariable, sideFigures);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create(artifacts));
var written = DocsWriter.Write(summaries, Path.Combine(root, "docs", "benchmarks"));
foreach (var path in written)
    Console.WriteLine($"Wrote {Path.GetRelativePath(root, path)}");
if (written.Count == 0)
    Console.WriteLine("No benchmark ran: the filter matched none. List them with --list flat.");
