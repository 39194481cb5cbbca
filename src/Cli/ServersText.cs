using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Discovery;

namespace SlmEnergyBench.Cli;

/// <summary>The text of <c>slmbench servers</c>: one block per port asked, or, when nothing answers anywhere, what to start.</summary>
internal static class ServersText
{
    private const string Indent = "       ";

    /// <summary>
    /// The report: a line per port (port, the server usually there, what answers), under each server found its models,
    /// problems and how to measure it (<paramref name="uses"/>, by root URL); then <paramref name="autoChoice"/>.
    /// </summary>
    public static string Of(IReadOnlyList<PortReport> reports, IReadOnlyDictionary<string, ServerUse> uses, IReadOnlyList<UsualPort> usual, string autoChoice)
    {
        var text = new StringBuilder();
        var bound = ServerDiscovery.MaxBoundSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        if (reports.All(r => r.Server is null && r.Nothing == "connection refused"))
        {
            text.AppendLine($"Nothing answers on {string.Join(", ", reports.Select(r => r.Port))} (127.0.0.1). Start one of:");
            foreach (var line in StartHints(usual))
                text.AppendLine("  " + line);
            text.AppendLine("README, \"Runtimes: setting each one up for a fair measurement\", says how to set each up; then run slmbench servers again.");
            text.AppendLine(autoChoice);
            return text.ToString();
        }

        text.AppendLine($"Inference servers on this machine (127.0.0.1, each port asked for at most {bound} s):");
        text.AppendLine();
        text.AppendLine($"{"port",-7}{"usually",-25}what answers");
        foreach (var report in reports)
        {
            var usually = report.UsualKind is { } kind ? ServerKinds.Title(kind) : "(asked with --port)";
            if (report.Server is not { } server)
            {
                text.AppendLine($"{report.Port,-7}{usually,-25}nothing ({report.Nothing})");
                continue;
            }

            text.AppendLine($"{report.Port,-7}{usually,-25}{server.Title} at {server.ApiBaseUrl}");
            text.AppendLine($"{Indent}models: {(server.Models.Count == 0 ? "none" : string.Join(", ", server.Models))}");
            foreach (var problem in server.Problems)
                text.AppendLine($"{Indent}problem: {problem}");
            if (uses.TryGetValue(report.RootUrl, out var use))
            {
                if (use.Settings.Count > 0)
                    text.AppendLine($"{Indent}measure it: {string.Join(" ", use.Settings)} dotnet test --filter Category=Energy");
                if (use.Note.Length > 0)
                    text.AppendLine($"{Indent}({use.Note})");
            }
        }

        text.AppendLine();
        text.AppendLine(autoChoice);
        return text.ToString();
    }

    private static IEnumerable<string> StartHints(IReadOnlyList<UsualPort> usual)
    {
        var kinds = usual.Select(u => u.UsualKind).Distinct().ToList();
        foreach (var kind in kinds)
        {
            var ports = string.Join(" or ", usual.Where(u => u.UsualKind == kind).Select(u => u.Port));
            yield return kind switch
            {
                ServerKinds.Gpt4All => $"GPT4All: Settings > Application > Advanced > Enable Local API Server (port {ports})",
                ServerKinds.Ollama => $"Ollama: OLLAMA_NUM_PARALLEL=1 OLLAMA_MAX_LOADED_MODELS=1 ollama serve, then ollama pull llama3.2:1b (port {ports})",
                ServerKinds.LlamaCpp => $"llama.cpp: llama-server -m <model.gguf> --alias <name> --parallel 1 --port 8080 (port {ports})",
                ServerKinds.LmStudio => $"LM Studio: lms server start, then lms load <model> (port {ports})",
                ServerKinds.Vllm => $"vLLM: vllm serve <model> --max-num-seqs 1 (port {ports})",
                _ => $"{ServerKinds.Title(kind)} (port {ports})",
            };
        }
    }
}
