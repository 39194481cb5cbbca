namespace SlmEnergyBench.Harness.Configuration;

public static partial class ConfigValidator
{
    /// <summary>
    /// <c>Meter:Prometheus</c> when <c>Meter:Kind</c> is <c>prometheus</c>: a URL without credentials, known preset, method and
    /// short-window rule, a selector without braces, the custom domains (name, query, kind, unit) and one way to authenticate.
    /// </summary>
    private static void ValidatePrometheus(PrometheusOptions p, Checks v)
    {
        const string key = "Meter:Prometheus";
        v.That($"{key}:Url", p.Url, IsHttpUrl(p.Url), "an absolute http:// or https:// URL of the Prometheus server, e.g. http://127.0.0.1:9090");
        if (Uri.TryCreate(p.Url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            // Never echo the URL here: it holds a secret.
            v.That($"{key}:Url", "(a URL with user:password@)", false,
                "a URL without credentials: put them in environment variables named by Meter:Prometheus:BasicUserVariable and BasicPasswordVariable");
        }

        v.OneOf($"{key}:Preset", p.Preset, PrometheusPresets.All);
        v.OneOf($"{key}:Method", p.Method, PrometheusMethods.All);
        v.OneOf($"{key}:ShortWindow", p.ShortWindow, PrometheusShortWindows.All);
        v.That($"{key}:Selector", p.Selector, !p.Selector.Contains('{', StringComparison.Ordinal) && !p.Selector.Contains('}', StringComparison.Ordinal),
            "label matchers without braces, e.g. Hostname=\"gpu-node-1\",gpu=\"0\" (the braces are added to each preset's metric)");
        v.Range($"{key}:PollSeconds", p.PollSeconds, 0.05, 60);
        v.Range($"{key}:QueryTimeoutSeconds", p.QueryTimeoutSeconds, 0.1, 600);

        if (p.Preset == PrometheusPresets.Custom)
            v.That($"{key}:Domains", "[]", p.Domains.Count > 0, "at least one domain with Name, Query, Kind and Unit when Preset = custom");
        else
            v.That($"{key}:Domains", $"[{p.Domains.Count} domain(s)]", p.Domains.Count == 0, $"no domains unless Preset = custom (the {p.Preset} preset has its own queries)");
        for (var i = 0; i < p.Domains.Count; i++)
        {
            var d = p.Domains[i];
            var at = $"{key}:Domains:{i}";
            v.That($"{at}:Name", d.Name, !string.IsNullOrWhiteSpace(d.Name) && d.Name.Trim() == d.Name && d.Name != Metering.Domains.Total,
                "a domain name such as gpu, package or dram (not total, which is the sum of the InTotal domains)");
            v.That($"{at}:Query", d.Query, !string.IsNullOrWhiteSpace(d.Query) && !d.Query.TrimEnd().EndsWith(']'),
                "a PromQL series selector such as DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}, without a range [..] (the meter adds it)");
            v.OneOf($"{at}:Kind", d.Kind, PrometheusSeriesKinds.All);
            v.OneOf($"{at}:Unit", d.Unit, PrometheusUnits.For(d.Kind));
        }

        foreach (var dup in p.Domains.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            v.That($"{key}:Domains", dup.Key, false, $"each domain name once ({dup.Key} is listed {dup.Count()} times)");

        var basic = p.BasicUserVariable.Length > 0 || p.BasicPasswordVariable.Length > 0;
        v.That($"{key}:BearerTokenVariable", p.BearerTokenVariable, p.BearerTokenVariable.Length == 0 || !basic,
            "empty when BasicUserVariable/BasicPasswordVariable are set (one way to authenticate)");
        v.That($"{key}:BasicPasswordVariable", p.BasicPasswordVariable, !basic || (p.BasicUserVariable.Length > 0 && p.BasicPasswordVariable.Length > 0),
            "set together with BasicUserVariable (the names of the environment variables holding the user and the password)");
    }
}
