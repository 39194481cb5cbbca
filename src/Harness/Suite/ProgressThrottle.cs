namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Decides which finished cases get a progress line in plain-text output: the first and last case, the first case of
/// each model, every failed case, and otherwise one line when <see cref="EveryCases"/> cases or
/// <see cref="EveryS"/> seconds have passed since the last line, whichever comes first.
/// </summary>
public sealed class ProgressThrottle
{
    private double? _lastS;
    private int _lastDone;
    private string? _lastModel;

    /// <summary>Cases between lines at most.</summary>
    public int EveryCases { get; init; } = 5;

    /// <summary>Seconds between lines at most, s.</summary>
    public double EveryS { get; init; } = 10;

    /// <summary>True when <paramref name="p"/> deserves a line; remembers it when so.</summary>
    public bool ShouldPrint(CaseProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var print = _lastS is null || p.Done >= p.Total || p.Record.Unit != _lastModel || (!p.Kept && p.Record.Problems.Count > 0)
                    || p.Done - _lastDone >= EveryCases || p.ElapsedS - _lastS >= EveryS;
        if (print)
        {
            _lastS = p.ElapsedS;
            _lastDone = p.Done;
            _lastModel = p.Record.Unit;
        }

        return print;
    }
}
