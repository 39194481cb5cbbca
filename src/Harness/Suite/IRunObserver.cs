namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Hears a run as it goes: every finished case and every warning, from the session that measured them. The test
/// suite prints them as progress lines (diagnostic messages, shown by <c>dotnet test</c> at its default verbosity);
/// <c>slmbench run</c> shows them in a live Spectre.Console display. Calls come one at a time, from the thread
/// that ran the case; an observer must not throw.
/// </summary>
public interface IRunObserver
{
    /// <summary>A case ended (measured now, or kept from an earlier segment of a resumed run).</summary>
    void CaseFinished(CaseProgress progress);

    /// <summary>
    /// During a point whose requests overlap (its cases are recorded together once the whole point is measured): the
    /// <paramref name="answered"/>-th of its <paramref name="total"/> requests answered, so a long point shows progress. Does nothing by default.
    /// </summary>
    void RequestAnswered(string unit, int answered, int total)
    {
    }

    /// <summary>Something the user must know while the run goes (idle drift, a machine that is not quiet, a resumed run).</summary>
    void Warn(string message);
}
