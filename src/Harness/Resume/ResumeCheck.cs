using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Resume;

/// <summary>
/// Whether a run may continue here and now: a resumption must measure the same thing the run started measuring, so the
/// configuration (every option but where results go and whether to resume or accept a baseline), the prompts' SHA-256,
/// the backend and the machine must be the run's.
/// </summary>
public static class ResumeCheck
{
    /// <summary>Each difference between <paramref name="run"/> and what this process would measure, in words; empty when it may resume.</summary>
    public static IReadOnlyList<string> Differences(RunManifest run, BenchOptions options, string promptsSha256, string backendName, MachineInfo machine)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var differences = new List<string>();
        if (!string.Equals(run.Profile, options.Profile, StringComparison.Ordinal))
            differences.Add($"the profile is '{options.Profile}', the run's is '{run.Profile}'");
        if (!run.Configuration.Models.SequenceEqual(options.Models, StringComparer.Ordinal))
            differences.Add($"the models are {string.Join(", ", options.Models)}; the run's are {string.Join(", ", run.Configuration.Models)}");
        var then = Comparable(run.Configuration);
        var now = Comparable(options);
        foreach (var key in then.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            if (key == "Models" || key.StartsWith("Models:", StringComparison.Ordinal))
                continue;
            var a = then.GetValueOrDefault(key);
            var b = now.GetValueOrDefault(key);
            if (!string.Equals(a, b, StringComparison.Ordinal))
                differences.Add($"{key} is {b ?? "unset"}, the run's is {a ?? "unset"}");
        }

        if (!string.Equals(run.Prompts.Sha256, promptsSha256, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"the prompts file {run.Prompts.Source} changed since the run started (SHA-256 {Short(promptsSha256)}, the run's {Short(run.Prompts.Sha256)}): " +
                            "its cases would measure other prompts. Put the file back as it was");
        }

        if (!string.Equals(run.Backend.Name, backendName, StringComparison.Ordinal))
            differences.Add($"the backend is {backendName}, the run's is {run.Backend.Name}");
        var machineThen = BaselineStore.MachineKey(run.Machine);
        var machineNow = BaselineStore.MachineKey(machine);
        if (!string.Equals(machineThen, machineNow, StringComparison.Ordinal) || !string.Equals(run.Machine.HostName, machine.HostName, StringComparison.Ordinal))
            differences.Add($"this machine is {machine.HostName} ({machineNow}), the run's was {run.Machine.HostName} ({machineThen})");
        return differences;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    /// <summary>The options as flat <c>Section:Key</c> = JSON value pairs, without the keys a resumption may change.</summary>
    private static Dictionary<string, string> Comparable(BenchOptions options)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(JsonSerializer.SerializeToElement(options, ResultsJson.Indented), "", flat);
        foreach (var key in flat.Keys.Where(k => MayDiffer(k)).ToList())
            flat.Remove(key);
        return flat;
    }

    /// <summary>Where results and baselines go, resuming and accepting: not what is measured.</summary>
    private static bool MayDiffer(string key) =>
        key.StartsWith("results:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("regression:", StringComparison.OrdinalIgnoreCase);

    private static void Flatten(JsonElement e, string prefix, Dictionary<string, string> flat)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", flat);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    Flatten(item, $"{prefix}:{i++}", flat);
                break;
            default:
                flat[prefix] = e.GetRawText();
                break;
        }
    }
}
