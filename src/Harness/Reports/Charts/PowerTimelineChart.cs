using System.Globalization;
using ScottPlot;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// One model's stretch of the session: the total power of every meter sample as a step line in the model's colour and
/// each domain's (cpu, gpu, ane, package, ...) as a lighter, patterned line beside it, each request window shaded, the
/// model's idle window shaded lighter and its idle level as a dashed line.
/// </summary>
internal static class PowerTimelineChart
{
    public const int Width = 900;
    public const int Height = 400;

    /// <summary>What every power chart's file stem starts with.</summary>
    public const string StemPrefix = "power-";

    /// <summary>The file stem of <paramref name="model"/>'s power chart: <c>power-&lt;slug&gt;</c>.</summary>
    public static string FileStemFor(string model) => StemPrefix + ChartText.Slug(model);

    /// <summary>The label of the idle line, e.g. "idle 0.65 W".</summary>
    public static string IdleLabel(double watts) => "idle " + watts.ToString("0.00", CultureInfo.InvariantCulture) + " W";

    /// <summary>Draws the chart; null when the model has no request window or no sample with a total over its span.</summary>
    public static RenderedChart? Render(RunData run, string model, int modelIndex)
    {
        var requests = run.Cases.Where(c => c.Unit == model && c.Completion is not null).ToArray();
        if (requests.Length == 0)
            return null;
        var idle = run.Manifest.Idle.FirstOrDefault(i => i.Label == "before " + model);
        var start = requests.Min(c => c.Completion!.StartS);
        var end = requests.Max(c => c.Completion!.EndS);
        if (idle is not null)
            start = Math.Min(start, idle.StartS);
        var pad = Math.Max(0.2, (end - start) * 0.02);
        start -= pad;
        end += pad;

        var samples = run.Samples
            .Where(s => s.EndS > start && s.StartS < end && s.DurationS > 0 && s.EnergyJ.ContainsKey(Domains.Total))
            .OrderBy(s => s.StartS)
            .ToArray();
        if (samples.Length == 0)
            return null;

        var title = $"Power over time: {model}" + ChartText.TitleSuffix(run.Method);
        var components = ChartText.Components(run.Manifest.Meter);
        // An imported study recorded no sample times: its timeline is inferred, and the axis says so.
        var inferred = run.SeedAnalysis is not null;
        var plot = ChartCanvas.Create(title, inferred ? "Inferred session time (s): requests back to back, samples evenly spread" : "Session time (s)",
            $"Power (W; total = {components.Replace("+", " + ", StringComparison.Ordinal)})");
        var colour = ChartPalette.ForModel(modelIndex);

        if (idle is not null)
        {
            var idleSpan = plot.Add.HorizontalSpan(idle.StartS, idle.EndS, Colors.Gray.WithAlpha(0.18));
            idleSpan.LineWidth = 0;
            idleSpan.LegendText = "idle window";
        }

        // Windows less than a pixel apart are drawn as one band (a long run's thousands of windows would be sub-pixel shapes).
        var bands = RequestBands.Of([.. requests.Select(r => (r.Completion!.StartS, r.Completion.EndS, r.Outcome == "passed"))], (end - start) / Width);
        var passedShown = false;
        var failedShown = false;
        foreach (var (bandStart, bandEnd, passed) in bands.Bands)
        {
            var span = plot.Add.HorizontalSpan(bandStart, bandEnd, (passed ? colour : Colors.Red).WithAlpha(0.22));
            span.LineWidth = 0;
            if (passed && !passedShown)
            {
                span.LegendText = "request window (passed)";
                passedShown = true;
            }
            else if (!passed && !failedShown)
            {
                span.LegendText = "request window (failed)";
                failedShown = true;
            }
        }

        var steps = PowerSteps.Of(samples);
        var (xs, ys) = Outline(steps);
        var line = plot.Add.ScatterLine(xs, ys, colour.Darken(0.3));
        line.LineWidth = 1.8f;
        line.LegendText = steps.SamplesPerStep == 1 ? "total power per meter sample" : $"total power, average of up to {steps.SamplesPerStep} samples";
        var top = ys.Max();

        // Each domain the samples carry, in the meter's order, in the model's colour and its own line pattern.
        var domains = DomainsOf(run, samples);
        foreach (var (domain, i) in domains.Select((d, i) => (d, i)))
        {
            var own = samples.Where(s => s.EnergyJ.ContainsKey(domain)).ToArray();
            var (dx, dy) = Outline(PowerSteps.Of(own, domain: domain));
            var domainLine = plot.Add.ScatterLine(dx, dy, colour);
            domainLine.LineWidth = 1.6f;
            domainLine.LinePattern = Patterns[i % Patterns.Length];
            domainLine.LegendText = $"{domain} power";
            top = Math.Max(top, dy.Max());
        }

        string idleText = "no idle measurement before this model";
        if (idle is not null && idle.PowerW.TryGetValue(Domains.Total, out var idleWatts))
        {
            var idleLine = plot.Add.HorizontalLine(idleWatts, 1.5f, Color.FromHex(ChartPalette.IdleHex), LinePattern.Dashed);
            idleLine.LegendText = "idle level (before the model)";
            var idleLabel = plot.Add.Text(IdleLabel(idleWatts), start, idleWatts);
            idleLabel.Alignment = Alignment.LowerLeft;
            idleLabel.OffsetX = 4;
            idleLabel.OffsetY = -2;
            idleLabel.LabelFontSize = 12;
            idleLabel.LabelBold = true;
            idleText = $"the dashed line is the total idle power before the model ({IdleLabel(idleWatts)})";
        }

        plot.Axes.SetLimitsX(start, end);
        plot.Axes.SetLimitsY(0, top * 1.12);
        plot.ShowLegend(Edge.Bottom);

        var drawn = steps.SamplesPerStep == 1
            ? "Total power of each meter sample (energy / sample duration)"
            : $"Total power averaged over groups of up to {steps.SamplesPerStep} consecutive meter samples (the group's energy / its duration; "
              + $"{samples.Length} samples are more than the chart can show)";
        var perDomain = domains.Count == 0 ? "" : $", and each domain's ({string.Join(", ", domains)}) as a patterned line (see the legend),";
        var caption = $"{drawn}{perDomain} over {model}'s part of the session; "
            + $"shaded: its {requests.Length} request windows{(bands.Merged ? " (windows less than a pixel apart drawn as one band)" : "")}; {(idle is null ? "" : "grey: the idle window; ")}{idleText}. "
            + (inferred ? "The times are inferred, not measured: the study recorded no timestamps (see How energy was obtained). " : "")
            + ChartText.EnergySource(run.Manifest.Meter, run.Method);
        return ChartCanvas.Render(plot, FileStemFor(model), title, caption, [model, .. domains], Width, Height);
    }

    /// <summary>The line patterns of the domains' lines, in turn.</summary>
    private static readonly LinePattern[] Patterns = [LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed, LinePattern.Solid];

    /// <summary>The run's domains other than total that at least one of <paramref name="samples"/> carries, in the meter's order.</summary>
    private static List<string> DomainsOf(RunData run, IReadOnlyList<MeterSample> samples) =>
        [.. run.Manifest.Meter.Domains.Concat(run.EnergyDomains).Distinct(StringComparer.Ordinal)
            .Where(d => d != Domains.Total && samples.Any(s => s.EnergyJ.ContainsKey(d)))];

    /// <summary>The step line's points: each step's start and end at its power.</summary>
    private static (double[] Xs, double[] Ys) Outline(PowerSteps steps)
    {
        var xs = new double[steps.Steps.Count * 2];
        var ys = new double[steps.Steps.Count * 2];
        for (var i = 0; i < steps.Steps.Count; i++)
        {
            var (stepStart, stepEnd, watts) = steps.Steps[i];
            xs[2 * i] = stepStart;
            xs[(2 * i) + 1] = stepEnd;
            ys[2 * i] = watts;
            ys[(2 * i) + 1] = watts;
        }

        return (xs, ys);
    }
}
