using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>The sentences both reports share, so the HTML and the Markdown report never tell a run differently.</summary>
internal static class ReportText
{
    public const string EstimatedBanner = "Energy figures in this report are ESTIMATED by a utilisation model, not measured.";

    public const string FakeBanner =
        "This run used a fake backend: the numbers come from simulated servers and are for checking the tool, not for comparison with anything.";

    public const string LikeWithLike =
        "Compare like with like: this run's J/token with published J/token, its J/response with published J/response. " +
        "Batch size dominates J/token: a server answering 64 requests at once spreads its power over 64 streams of tokens, " +
        "so figures at different batch sizes differ for that reason alone, whatever the model or the hardware. " +
        "The paper (From Words to Watts) measured GPU energy only, on datacenter GPUs (V100, A100) at batch 64; ";

    public const string SeedIntro =
        "This run was imported from the seed study: its records analysed the study's way and this project's way, then each change of method on its own.";

    public const string SeedInferredTimes =
        "The study recorded no sample timestamps, so each response's samples are taken as evenly spread over its measured duration: " +
        "the sample times were inferred, not measured.";

    /// <summary>True when the backend is a simulation (its name says <c>fake</c>).</summary>
    public static bool IsFake(RunData run) => run.Manifest.Backend.Name.Contains("fake", StringComparison.OrdinalIgnoreCase);

    /// <summary>The power model behind the estimates, e.g. "P(u) = IdleW + (TdpW - IdleW) x u with IdleW = 8.5, TdpW = 85"; null when none is recorded.</summary>
    public static string? EstimateModel(RunData run)
    {
        var model = run.Manifest.Meter.Model
                    ?? run.Cases.Select(c => c.Energy?.Provenance.Model).FirstOrDefault(m => m is not null);
        if (model is null)
            return null;
        var parameters = model.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} = {p.Value.ToString("R", CultureInfo.InvariantCulture)}");
        return model.Parameters.Count == 0 ? model.Formula : $"{model.Formula} with {string.Join(", ", parameters)}";
    }

    /// <summary>The banners a reader must see first, in order: estimated energy, then fake backend.</summary>
    public static IReadOnlyList<string> Banners(RunData run)
    {
        var banners = new List<string>();
        if (run.IsEstimated)
            banners.Add(EstimateModel(run) is { } model ? $"{EstimatedBanner} Model: {model}." : EstimatedBanner);
        if (IsFake(run))
            banners.Add(FakeBanner);
        return banners;
    }

    public static string Method(EnergyMethod method) => method == EnergyMethod.Estimated ? "ESTIMATED" : "measured";

    /// <summary>The domains whose energy the meter reports, without the total: "cpu + gpu + ane".</summary>
    public static string Components(EnergyProvenance meter) =>
        string.Join(" + ", meter.Domains.Where(d => d != Domains.Total));

    /// <summary>What this run's comparison covers, to end <see cref="LikeWithLike"/>.</summary>
    public static string ThisRunScope(RunData run) =>
        $"this run is batch 1 and covers the {run.Manifest.Meter.Meter} meter's domains ({Components(run.Manifest.Meter)}), " +
        $"its energy {Method(run.Manifest.Meter.Method)}, on {Hardware(run)}.";

    public static string Hardware(RunData run)
    {
        var m = run.Manifest.Machine;
        return $"{m.CpuModel ?? m.Architecture}, {m.Os}";
    }

    /// <summary>One paragraph: meter, domains, method, source, notes, and why this meter and profile.</summary>
    public static IReadOnlyList<(string Label, string Value)> EnergyFacts(RunData run)
    {
        var meter = run.Manifest.Meter;
        var facts = new List<(string, string)>
        {
            ("Meter", meter.Meter),
            ("Domains", string.Join(", ", meter.Domains)),
            ("Method", meter.Method == EnergyMethod.Estimated ? "ESTIMATED by a model, not measured" : "measured"),
            ("Source", meter.Source),
        };
        if (EstimateModel(run) is { } model)
            facts.Add(("Model", model));
        if (!string.IsNullOrWhiteSpace(meter.Notes))
            facts.Add(("Notes", meter.Notes));
        if (!string.IsNullOrWhiteSpace(run.Manifest.MeterChosenBy))
            facts.Add(("Meter chosen by", run.Manifest.MeterChosenBy));
        facts.Add(("Profile chosen by", run.Manifest.ProfileChosenBy));
        return facts;
    }
}
