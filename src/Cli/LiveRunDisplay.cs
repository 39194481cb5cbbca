using SlmEnergyBench.Harness.Suite;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SlmEnergyBench.Cli;

/// <summary>
/// The run in an interactive terminal, redrawn in place (Spectre.Console's progress display): the header, a bar of the
/// cases done of the plan's total with the case running now, the <see cref="ProgressLine"/> (done, failed, current
/// model, elapsed, ETA, last case's J and tok/s), the last case's full <see cref="CaseLine"/>, the warnings and the
/// models already summarized. The last frame stays on screen (without the models' lines); the closing lines follow it.
/// </summary>
internal sealed class LiveRunDisplay(IAnsiConsole console) : IRunDisplay
{
    /// <summary>Warnings shown at once; the display keeps the latest ones (all of them are in the closing lines).</summary>
    private const int WarningsShown = 5;

    private readonly Lock _lock = new();
    private readonly List<string> _warnings = [];
    private readonly List<string> _models = [];
    private string _header = "";
    private ProgressTask? _task;
    private CaseProgress? _last;

    public Task<RunResult> ShowAsync(string header, int total, Func<Task<RunResult>> run)
    {
        _header = header;
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .UseRenderHook((progress, _) => Render(progress))
            .StartAsync(async context =>
            {
                lock (_lock)
                    _task = context.AddTask("Starting", maxValue: Math.Max(1, total));
                var result = await run().ConfigureAwait(false);
                lock (_lock)
                {
                    _task.Description = Markup.Escape(result.Cancelled ? "Cancelled" : "Done");
                    _task.StopTask();
                    // The closing lines show every model's line: the last frame need not.
                    _models.Clear();
                }

                return result;
            });
    }

    public void CaseStarting(PlannedCase next)
    {
        lock (_lock)
        {
            if (_task is not null)
                _task.Description = Markup.Escape(next.DisplayName);
        }
    }

    public void CaseFinished(CaseProgress progress)
    {
        lock (_lock)
        {
            _last = progress;
            if (_task is null)
                return;
            _task.MaxValue = Math.Max(1, progress.Total);
            _task.Value = progress.Done;
        }
    }

    public void Warn(string message)
    {
        lock (_lock)
            _warnings.Add(message);
    }

    public void ModelCompleted(ModelReport report)
    {
        lock (_lock)
            _models.Add(RunEnding.ModelLine(report));
    }

    public void End(IReadOnlyList<string> lines)
    {
        // The last frame shows the latest warnings only: then all of them, so none is lost from the scrollback.
        lock (_lock)
        {
            if (_warnings.Count > WarningsShown)
            {
                foreach (var warning in _warnings)
                    console.MarkupLine("[yellow]WARNING:[/] " + Markup.Escape(warning));
            }
        }

        foreach (var line in lines)
            console.WriteLine(line);
    }

    private IRenderable Render(IRenderable progress)
    {
        lock (_lock)
        {
            var rows = new List<IRenderable> { new Text(_header), progress };
            rows.Add(_last is null
                ? new Text("Warming up the first model (its first case's warm-up and idle measurement come before the case)...", new Style(decoration: Decoration.Italic))
                : new Text(ProgressLine.Format(_last)));
            if (_last is not null)
                rows.Add(new Text("Last case: " + CaseLine.Format(_last.Record), new Style(_last.Record.Problems.Count > 0 ? Color.Red : Color.Grey)));
            rows.AddRange(_warnings.TakeLast(WarningsShown).Select(w => new Text("WARNING: " + w, new Style(Color.Yellow))));
            rows.AddRange(_models.Select(m => new Text(m, new Style(Color.Green))));
            return new Rows(rows);
        }
    }
}
