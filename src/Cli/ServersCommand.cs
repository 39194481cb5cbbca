using System.CommandLine;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Discovery;

namespace SlmEnergyBench.Cli;

/// <summary>
/// <c>slmbench servers</c>: which local inference servers answer on this machine's usual ports (and any given with
/// <c>--port</c>), told apart by their answers, with version, models, problems, and the profile and settings that measure each.
/// </summary>
internal sealed class ServersCommand(TextWriter output, TextWriter error, Func<RunHost> host)
{
    public Command Create()
    {
        var ports = new Option<int[]>("--port")
        {
            Description = "Also ask this port on 127.0.0.1 (repeat for more), e.g. a llama-server started with --port 5000.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            "servers",
            "Lists the local inference servers running on this machine: asks 127.0.0.1 on the usual ports (GPT4All 4891, Ollama 11434, "
            + "llama.cpp llama-server 8080 and 9931, LM Studio 1234, vLLM 8000), all at once, each for at most 1 s, tells each server from its "
            + "answers (not from its port), and prints its version, the models it serves, what stands in the way (a model still loading...) and "
            + "the profile and ENERGYBENCH_ settings that measure it; then the profile 'auto' would take. Reads energybench.json; writes nothing. "
            + "Exit code 0, also when nothing answers; 2 on a bad option or configuration. Example: slmbench servers --port 5000")
        {
            ports,
        };
        command.SetAction(parse => Run(parse.GetValue(ports) ?? []));
        return command;
    }

    private int Run(int[] extraPorts)
    {
        var bad = extraPorts.Where(p => p is < 1 or > 65535).ToList();
        if (bad.Count > 0)
        {
            error.WriteLine($"slmbench: --port {string.Join(", ", bad)} is not a TCP port: give 1 to 65535.");
            return CliApp.BadInput;
        }

        var run = host();
        var discovery = run.Discovery;
        var reports = discovery.Discover(ServerDiscovery.MaxBoundSeconds, extraPorts.Select(p => $"http://127.0.0.1:{p}"));
        string root;
        try
        {
            root = run.FindRoot();
        }
        catch (ConfigurationException e)
        {
            error.WriteLine($"slmbench: {e.Message}");
            return CliApp.BadInput;
        }

        var uses = reports.Where(r => r.Server is not null).ToDictionary(r => r.RootUrl, r => ServerUse.For(r.Server!, root));
        output.Write(ServersText.Of(reports, uses, discovery.Usual, AutoChoice(root, run.Environment, discovery)));
        return CliApp.Success;
    }

    /// <summary>What profile <c>auto</c> takes with these servers (its probe reuses the answers just got), or why it cannot.</summary>
    private static string AutoChoice(string root, IReadOnlyDictionary<string, string?> environment, ServerDiscovery discovery)
    {
        var only = environment.Where(kv => kv.Key.StartsWith(ConfigLoader.OverridePrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        only[ConfigLoader.ProfileVariable] = "auto";
        try
        {
            var config = ConfigLoader.Load(root, only, new AutoProbe(discovery));
            return $"Profile auto takes '{config.Options.Profile}' (backend {config.Options.Backend.Kind}: {Where(config.Options)}; models {string.Join(", ", config.Options.Models)}).";
        }
        catch (ConfigurationException e)
        {
            return $"Profile auto cannot be loaded: {e.Message}";
        }
    }

    private static string Where(BenchOptions options) =>
        options.Backend.Kind == BackendKinds.LlamaSharp ? "llama.cpp in process" : options.Backend.BaseUrl;
}
