using Microsoft.Extensions.Configuration;

namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// Reads <c>energybench.json</c>, picks a profile (<c>ENERGYBENCH_PROFILE</c>, else the file's
/// <c>DefaultProfile</c>), layers <c>ENERGYBENCH__Section__Key</c> environment variables over it,
/// binds and validates. Built-in defaults are the original study's set-up.
/// </summary>
public static class ConfigLoader
{
    public const string ProfileVariable = "ENERGYBENCH_PROFILE";
    public const string OverridePrefix = "ENERGYBENCH__";
    public const string AcceptBaselineVariable = "ENERGYBENCH_ACCEPT_BASELINE";

    /// <summary>Names the interrupted run to continue: a run id or <c>latest</c> (README: "Resume an interrupted run").</summary>
    public const string ResumeVariable = "ENERGYBENCH_RESUME";

    /// <summary>Loads from the repository that contains the current directory, with the process environment.</summary>
    public static LoadedConfiguration Load() =>
        Load(RepositoryPaths.FindRoot(), ReadEnvironment());

    /// <summary>Loads from <paramref name="root"/> with the given environment (tests pass their own) and probe for profile <c>auto</c>.</summary>
    public static LoadedConfiguration Load(string root, IReadOnlyDictionary<string, string?> environment, IAutoProbe? probe = null)
    {
        var file = Path.Combine(root, RepositoryPaths.ConfigFileName);
        IConfigurationRoot fileConfig;
        try
        {
            fileConfig = new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException && JsonCause(e) is { } json)
        {
            throw new ConfigurationException(
                $"{file} is not valid JSON at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1} of that line: " +
                $"{json.Message.Split(" LineNumber:", 2)[0]} Fix the JSON syntax there.");
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException($"{file} could not be read: {e.Message} Fix the JSON syntax.");
        }

        var profiles = fileConfig.GetSection("Profiles").GetChildren().Select(c => c.Key).ToList();
        if (profiles.Count == 0)
            throw new ConfigurationException($"{file} has no \"Profiles\" section: add at least one profile.");

        var (profile, chosenBy) = ChooseProfile(fileConfig, environment, profiles, file);
        var overrides = environment
            .Where(kv => kv.Key.StartsWith(OverridePrefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToList();

        var overrideKeys = overrides.Select(kv => KeyValuePair.Create(
            kv.Key[OverridePrefix.Length..].Replace("__", ":", StringComparison.Ordinal), kv.Value)).ToList();
        var section = fileConfig.GetSection($"Profiles:{profile}");
        var candidates = section.GetSection(ChooseFromKey).GetChildren().Select(c => c.Value ?? "").ToList();
        if (candidates.Count == 0)
        {
            var options = Build(Flatten(section), overrideKeys, profile, overrides);
            ApplyRunChoices(options, environment);
            return new LoadedConfiguration(options, root, chosenBy, overrides.Select(kv => $"{kv.Key}={kv.Value}").ToList());
        }

        // An automatic profile: the first candidate whose backend is usable here, with this profile's own keys
        // (all but ChooseFrom) and the environment layered over it.
        var own = Flatten(section).Where(kv => !kv.Key.StartsWith(ChooseFromKey, StringComparison.OrdinalIgnoreCase)).ToList();
        var rejected = new List<string>();
        var auto = probe ?? AutoProbe.Instance;
        foreach (var candidate in candidates)
        {
            if (!profiles.Contains(candidate, StringComparer.Ordinal) || candidate == profile)
            {
                throw new ConfigurationException(
                    $"Profiles:{profile}:ChooseFrom names '{candidate}': allowed the other profiles of {RepositoryPaths.ConfigFileName} ({string.Join(", ", profiles.Where(p => p != profile))}).");
            }

            var layered = Flatten(fileConfig.GetSection($"Profiles:{candidate}")).Concat(own)
                .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last());
            var options = Build(layered, overrideKeys, candidate, overrides);
            var verdict = auto.Probe(options, root);
            if (verdict.IsAvailable)
            {
                ApplyRunChoices(options, environment);
                var found = auto.Found();
                var why = $"{chosenBy}: profile '{profile}' chose '{candidate}' because {verdict.Reason}" +
                          (rejected.Count > 0 ? "; not " + string.Join("; not ", rejected) : "") +
                          (found is null ? "" : $". Servers on this machine: {found}");
                return new LoadedConfiguration(options, root, why, overrides.Select(kv => $"{kv.Key}={kv.Value}").ToList());
            }

            rejected.Add($"'{candidate}' because {verdict.Reason}");
        }

        throw new ConfigurationException(
            $"profile '{profile}' found none of its candidates usable here: {string.Join("; ", rejected)}. Add a candidate that always runs (e.g. synthetic).");
    }

    private const string ChooseFromKey = "ChooseFrom";

    /// <summary>The JSON parser's error somewhere under <paramref name="e"/> (the configuration provider wraps it twice), with its line and byte.</summary>
    private static System.Text.Json.JsonException? JsonCause(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json && json.LineNumber is not null)
                return json;
        }

        return null;
    }

    private static BenchOptions Build(IEnumerable<KeyValuePair<string, string?>> profileKeys, List<KeyValuePair<string, string?>> overrideKeys,
        string profile, List<KeyValuePair<string, string?>> overrides)
    {
        var modelList = overrideKeys.FirstOrDefault(kv => string.Equals(kv.Key, ListKey, StringComparison.OrdinalIgnoreCase));
        if (modelList.Key is not null)
        {
            // ENERGYBENCH__Models="A,B" replaces the whole list (indexed overrides can only replace entries).
            profileKeys = profileKeys.Where(kv => !kv.Key.StartsWith(ListKey + ":", StringComparison.OrdinalIgnoreCase));
            overrideKeys = [.. overrideKeys.Where(kv => kv.Key != modelList.Key), .. SplitList(modelList.Value)];
        }

        // A list at a sweep axis's key (Generation:Temperature: [0, 0.7]) moves to Sweep:Temperature; the setting keeps its first value.
        (var profileList, overrideKeys) = SweepAxes.Rewrite(profileKeys, overrideKeys);
        var merged = new ConfigurationBuilder()
            .AddInMemoryCollection(profileList)
            .AddInMemoryCollection(overrideKeys)
            .Build();

        var options = Bind(merged, profile, key => SourceOf(key, overrides, profile));
        options.Profile = profile;
        ConfigValidator.ThrowIfInvalid(options, key => SourceOf(key, overrides, profile));
        return options;
    }

    private static void ApplyRunChoices(BenchOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.TryGetValue(AcceptBaselineVariable, out var accept) && accept?.Trim().ToLowerInvariant() is "1" or "true" or "yes")
            options.Regression.Accept = true;
        if (environment.TryGetValue(ResumeVariable, out var resume) && !string.IsNullOrWhiteSpace(resume))
            options.Results.Resume = resume.Trim();
    }

    private static (string Profile, string ChosenBy) ChooseProfile(
        IConfiguration fileConfig, IReadOnlyDictionary<string, string?> environment, List<string> profiles, string file)
    {
        if (environment.TryGetValue(ProfileVariable, out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv))
        {
            var match = profiles.FirstOrDefault(p => string.Equals(p, fromEnv.Trim(), StringComparison.OrdinalIgnoreCase));
            return match is null
                ? throw new ConfigurationException(
                    $"{ProfileVariable} = '{fromEnv}' is not a profile of {RepositoryPaths.ConfigFileName}: allowed {string.Join(", ", profiles)}.")
                : (match, $"{ProfileVariable}={fromEnv}");
        }

        var fallback = fileConfig["DefaultProfile"];
        if (string.IsNullOrWhiteSpace(fallback))
            throw new ConfigurationException($"DefaultProfile is missing in {file}: set it to one of {string.Join(", ", profiles)}.");
        var chosen = profiles.FirstOrDefault(p => string.Equals(p, fallback, StringComparison.OrdinalIgnoreCase));
        return chosen is null
            ? throw new ConfigurationException(
                $"DefaultProfile = '{fallback}' is not a profile of {RepositoryPaths.ConfigFileName}: allowed {string.Join(", ", profiles)}.")
            : (chosen, $"DefaultProfile of {RepositoryPaths.ConfigFileName} ({ProfileVariable} not set)");
    }

    private static BenchOptions Bind(IConfiguration merged, string profile, Func<string, string> sourceOf)
    {
        // Each problem starts with its key: say where it was set (the profile, or an ENERGYBENCH__ variable).
        var unknown = UnknownKeys.Find(merged, typeof(BenchOptions)).Select(p => $"{p} ({sourceOf(p.Split(' ', 2)[0])})").ToList();
        if (unknown.Count > 0)
            throw new ConfigurationException(unknown);

        var options = new BenchOptions();
        try
        {
            merged.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // Conversion failures: the binder's message names the value, the key and the type.
            throw new ConfigurationException(
                $"profile '{profile}': {e.Message} Use a value of that type (numbers use '.' as decimal separator).");
        }

        return options;
    }

    private const string ListKey = nameof(BenchOptions.Models);

    private static IEnumerable<KeyValuePair<string, string?>> SplitList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select((model, i) => KeyValuePair.Create($"{ListKey}:{i}", (string?)model));

    private static IEnumerable<KeyValuePair<string, string?>> Flatten(IConfigurationSection section) =>
        section.AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null);

    private static string SourceOf(string key, IReadOnlyList<KeyValuePair<string, string?>> overrides, string profile)
    {
        var variable = OverridePrefix + key.Replace(":", "__", StringComparison.Ordinal);
        if (key.StartsWith(ListKey, StringComparison.Ordinal) && overrides.Any(kv => string.Equals(kv.Key, OverridePrefix + ListKey, StringComparison.OrdinalIgnoreCase)))
            variable = OverridePrefix + ListKey;
        return overrides.Any(kv => string.Equals(kv.Key, variable, StringComparison.OrdinalIgnoreCase))
            ? $"set by {variable}"
            : $"profile '{profile}'";
    }

    /// <summary>The process's environment variables, their names compared ignoring case: what <see cref="Load()"/> reads.</summary>
    public static Dictionary<string, string?> ReadEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            result[(string)entry.Key] = entry.Value as string;
        return result;
    }
}
