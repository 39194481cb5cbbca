using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// The notices at the top of a merged report: one per method other than measured, naming the machines whose figures have it; one
/// naming the machines whose backend was a fake; one per run left out, with why.
/// </summary>
internal static class MergedBanners
{
    /// <summary>The CSS class of the notice of runs left out (styled as the single-run report's warnings).</summary>
    public const string Skipped = "warnings";

    public static IReadOnlyList<ReportBanner> Of(MergedRuns merged)
    {
        var banners = new List<ReportBanner>();
        foreach (var method in merged.Machines.SelectMany(m => m.Run.Methods).Where(m => m != EnergyMethod.Measured).Distinct().Order())
        {
            var machines = merged.Machines.Where(m => m.Run.Methods.Contains(method)).Select(m => m.Label);
            var kind = method switch
            {
                EnergyMethod.Estimated => ReportBanner.Estimated,
                EnergyMethod.Simulated => ReportBanner.Simulated,
                _ => ReportBanner.Imported,
            };
            banners.Add(new ReportBanner(kind, $"Energy figures of {string.Join(" and ", machines)} are {EnergyMethodText.Meaning(method)}.", []));
        }

        var fakes = merged.Machines.Where(m => ReportText.IsFake(m.Run)).Select(m => m.Label).ToArray();
        if (fakes.Length > 0)
        {
            banners.Add(new ReportBanner(ReportBanner.FakeBackend,
                $"{string.Join(" and ", fakes)} used a fake backend: {(fakes.Length == 1 ? "its" : "their")} responses, token counts and timings come from a simulated server "
                + "and are for checking the tool, not for comparison with anything.", []));
        }

        foreach (var skipped in merged.Skipped)
            banners.Add(new ReportBanner(Skipped, $"Left out of this report: {skipped.Given}.", [ReportNumbers.Cut(skipped.Reason, ReportText.WarningLength)]));
        return banners;
    }
}
