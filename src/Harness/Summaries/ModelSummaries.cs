using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>Builds a <see cref="ModelSummary"/> from a run's case records.</summary>
public static class ModelSummaries
{
    /// <summary>
    /// Summarises the cases of unit <paramref name="model"/> (a model, or <c>runtime / model</c>: <see cref="CaseRecord.Unit"/>) in
    /// <paramref name="cases"/> (other units' cases are ignored): statistics from the passed ones, the others counted as failed. Energy figures are the
    /// <see cref="Domains.Total"/> domain's, and each domain's (<see cref="EnergyDomains.Of"/>) under the per-domain
    /// names of <see cref="MetricNames.ForDomain"/>. <paramref name="seed"/> seeds the bootstrap intervals.
    /// </summary>
    public static ModelSummary Of(string model, IReadOnlyList<CaseRecord> cases, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cases);
        var own = cases.Where(c => c.Unit == model).ToArray();
        var passed = own.Where(c => c.Outcome == "passed").ToArray();
        var metrics = new Dictionary<string, SampleStatistics>(StringComparer.Ordinal);

        void Add(string name, Func<CaseRecord, double?> value)
        {
            var values = passed.Select(value).ToArray();
            if (values.Length > 0 && values.All(v => v is not null && double.IsFinite(v.Value)))
                metrics[name] = SampleStatistics.Of([.. values.Select(v => v!.Value)], seed);
        }

        // Each per-domain metric follows its total-domain one: joulesPerResponse, joulesPerResponse.cpu, ..., joulesPerResponseNet, ...
        var domains = EnergyDomains.Of(passed);
        void AddPerDomain(string metric, Func<CaseRecord, string, double?> value)
        {
            foreach (var domain in domains)
                Add(MetricNames.ForDomain(metric, domain), c => value(c, domain));
        }

        Add(MetricNames.LatencyS, c => c.Completion?.WallSeconds);
        Add(MetricNames.TokensPerSecond, c => c.TokensPerSecond);
        Add(MetricNames.WordsPerSecond, c => c.WordsPerSecond);
        Add(MetricNames.JoulesPerResponse, c => Total(c)?.Joules);
        AddPerDomain(MetricNames.JoulesPerResponse, (c, d) => EnergyDomains.Gross(c, d)?.Joules);
        Add(MetricNames.JoulesPerResponseNet, NetTotal);
        AddPerDomain(MetricNames.JoulesPerResponseNet, EnergyDomains.Net);
        Add(MetricNames.JoulesPerTokenMeanOfRatios, c => Total(c)?.Joules / Tokens(c));
        Add(MetricNames.AveragePowerW, c => Total(c)?.AveragePowerW);
        AddPerDomain(MetricNames.AveragePowerW, (c, d) => EnergyDomains.Gross(c, d)?.AveragePowerW);
        Add(MetricNames.PeakPowerW, c => Total(c)?.PeakPowerW);
        Add(MetricNames.TimeToFirstTokenS, c => c.Completion?.TimeToFirstTokenS ?? c.Completion?.Stream?.TimeToFirstTokenS);
        Add(MetricNames.PrefillS, c => c.Completion?.PrefillS);
        Add(MetricNames.DecodeS, c => c.Completion?.DecodeS);
        StreamPhaseMetrics.AddTo(metrics, passed, seed);

        double? ratioOfTotals = null;
        double? meanOfRatios = null;
        var perDomain = new Dictionary<string, double>(StringComparer.Ordinal);
        var tokens = passed.Select(Tokens).ToArray();
        if (passed.Length > 0 && tokens.All(t => t is not null))
        {
            double[] t = [.. tokens.Select(x => x!.Value)];
            var totals = passed.Select(c => Total(c)?.Joules).ToArray();
            if (totals.All(j => j is not null))
            {
                double[] j = [.. totals.Select(x => x!.Value)];
                ratioOfTotals = Ratios.RatioOfTotals(j, t);
                meanOfRatios = Ratios.MeanOfRatios(j, t);
            }

            foreach (var domain in domains)
            {
                var joules = passed.Select(c => EnergyDomains.Gross(c, domain)?.Joules).ToArray();
                if (joules.All(j => j is not null))
                    perDomain[domain] = Ratios.RatioOfTotals([.. joules.Select(x => x!.Value)], t);
            }
        }

        var provenances = passed.Select(c => c.Energy?.Provenance).OfType<EnergyProvenance>().ToArray();
        var meter = provenances.Length == 0 ? null : string.Join(", ", provenances.Select(p => p.Meter).Distinct(StringComparer.Ordinal));
        EnergyMethod? method = provenances.Length == 0 ? null : EnergyMethodText.Combine(provenances.Select(p => p.Method));

        return new ModelSummary(model, passed.Length, own.Length - passed.Length, meter, method, metrics, ratioOfTotals, meanOfRatios)
        {
            Domains = [.. domains.Where(d => metrics.ContainsKey(MetricNames.ForDomain(MetricNames.JoulesPerResponse, d)))],
            JoulesPerTokenRatioOfTotalsPerDomain = perDomain,
            Runtime = own.Select(c => c.Runtime).FirstOrDefault(r => r is not null),
            ModelName = own.Select(c => c.Model).FirstOrDefault(),
        };
    }

    internal static DomainEnergy? Total(CaseRecord c) => c.Energy?.Window.Domains.GetValueOrDefault(Domains.Total);

    /// <summary>Total-domain joules net of idle; null when idle was not measured.</summary>
    internal static double? NetTotal(CaseRecord c) => EnergyDomains.Net(c, Domains.Total);

    /// <summary>Completion tokens, or null when unknown or zero (a ratio per token needs at least one).</summary>
    private static double? Tokens(CaseRecord c) => c.Completion?.CompletionTokens is > 0 and var t ? t : null;
}
