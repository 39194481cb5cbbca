using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// The steps a power-over-time chart draws: one per meter sample, or, for a long run with more samples than a chart
/// can show, one per group of consecutive samples at the group's true average power (its joules / its seconds), so
/// the area under the line is still the energy. Groups never span a gap between samples.
/// </summary>
/// <param name="Steps">(start, end, watts) of each step, in time order.</param>
/// <param name="SamplesPerStep">1 when every sample is drawn; else the most samples one step averages.</param>
public sealed record PowerSteps(IReadOnlyList<(double StartS, double EndS, double Watts)> Steps, int SamplesPerStep)
{
    /// <summary>More steps than this and a 900-pixel chart draws several per pixel: they are grouped.</summary>
    public const int MaxSteps = 1500;

    /// <summary>
    /// Steps of <paramref name="domain"/> (the total unless said) of <paramref name="samples"/>, which must be in time
    /// order and each carry that domain.
    /// </summary>
    public static PowerSteps Of(IReadOnlyList<MeterSample> samples, int maxSteps = MaxSteps, string domain = Domains.Total)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        var perStep = Math.Max(1, (int)Math.Ceiling(samples.Count / (double)maxSteps));
        var steps = new List<(double, double, double)>();
        var i = 0;
        while (i < samples.Count)
        {
            var first = samples[i];
            var joules = first.EnergyJ[domain];
            var seconds = first.DurationS;
            var end = first.EndS;
            var j = i + 1;
            while (j < samples.Count && j - i < perStep && samples[j].StartS <= end + 1e-9)
            {
                joules += samples[j].EnergyJ[domain];
                seconds += samples[j].DurationS;
                end = samples[j].EndS;
                j++;
            }

            steps.Add((first.StartS, end, joules / seconds));
            i = j;
        }

        return new PowerSteps(steps, perStep);
    }
}
