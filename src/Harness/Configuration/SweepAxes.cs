namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// Lets a setting be a sweep axis where it is written: a JSON list at <c>Generation:Temperature</c>, <c>Generation:MaxTokens</c>,
/// <c>Load:Concurrency</c>, <c>Embedded:BatchSize</c> or <c>Embedded:Threads</c> (or a comma-separated value in its
/// <c>ENERGYBENCH__</c> variable, e.g. <c>ENERGYBENCH__Load__Concurrency=1,2,4,8</c>) becomes <see cref="SweepOptions"/>' list of
/// that axis, and the setting keeps the list's first value. A single value stays a plain setting. An axis set by an override
/// replaces the profile's whole list.
/// </summary>
public static class SweepAxes
{
    /// <summary>Each axis: the setting's key and the <see cref="SweepOptions"/> key its list moves to.</summary>
    public static readonly IReadOnlyList<(string Setting, string Sweep)> All =
    [
        ("Generation:Temperature", "Sweep:Temperature"),
        ("Generation:MaxTokens", "Sweep:MaxTokens"),
        ("Load:Concurrency", "Sweep:Concurrency"),
        ("Embedded:BatchSize", "Sweep:BatchSize"),
        ("Embedded:Threads", "Sweep:Threads"),
    ];

    /// <summary>
    /// The profile's keys with each axis written as a list moved to its sweep key, then the override keys the same way; an
    /// axis the overrides set (as a value, a list or a sweep key) drops the profile's keys of that axis.
    /// Keys are flattened configuration paths (<c>Generation:Temperature:0</c>), compared ignoring case.
    /// </summary>
    public static (List<KeyValuePair<string, string?>> Profile, List<KeyValuePair<string, string?>> Overrides) Rewrite(
        IEnumerable<KeyValuePair<string, string?>> profileKeys, IEnumerable<KeyValuePair<string, string?>> overrideKeys)
    {
        var profile = Rewrite(profileKeys);
        var overrides = Rewrite(overrideKeys);
        foreach (var (setting, sweep) in All)
        {
            if (overrides.Any(kv => Belongs(kv.Key, setting) || Belongs(kv.Key, sweep)))
                profile.RemoveAll(kv => Belongs(kv.Key, setting) || Belongs(kv.Key, sweep));
        }

        return (profile, overrides);
    }

    private static List<KeyValuePair<string, string?>> Rewrite(IEnumerable<KeyValuePair<string, string?>> keys)
    {
        var result = keys.ToList();
        foreach (var (setting, sweep) in All)
        {
            var items = result.Select(kv => (Index: ItemIndex(kv.Key, setting), kv.Value)).Where(x => x.Index >= 0).OrderBy(x => x.Index).ToList();
            var scalar = result.FirstOrDefault(kv => string.Equals(kv.Key, setting, StringComparison.OrdinalIgnoreCase));
            List<string?> values;
            if (items.Count > 0)
                values = [.. items.Select(x => x.Value)];
            else if (scalar.Value is { } text && text.Contains(',', StringComparison.Ordinal))
                values = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            else
                continue;

            result.RemoveAll(kv => Belongs(kv.Key, setting));
            if (values.Count == 0)
                continue;
            result.Add(KeyValuePair.Create(setting, values[0]));
            if (values.Count > 1)
                result.AddRange(values.Select((v, i) => KeyValuePair.Create($"{sweep}:{i}", v)));
        }

        return result;
    }

    private static bool Belongs(string key, string prefix) =>
        string.Equals(key, prefix, StringComparison.OrdinalIgnoreCase) || key.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>The list index of <paramref name="key"/> when it is an item of <paramref name="setting"/> (<c>Generation:Temperature:2</c> gives 2); else -1.</summary>
    private static int ItemIndex(string key, string setting) =>
        key.StartsWith(setting + ":", StringComparison.OrdinalIgnoreCase) && int.TryParse(key.AsSpan(setting.Length + 1), out var index) && index >= 0 ? index : -1;
}
