namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// Turns a failed write of a run's files into one <see cref="ResultsWriteException"/> that says what is safe and what
/// to do, and remembers it: once <c>cases.jsonl</c> could not be appended to, nothing more is appended (a partial last
/// line stays last, where the report skips it) and every later case is refused with the same message.
/// </summary>
internal sealed class ResultsGuard(string directory)
{
    private string? _broken;

    /// <summary>Set once a write of <c>cases.jsonl</c> or <c>samples.jsonl</c> failed: why nothing more is appended.</summary>
    public string? Broken => _broken;

    /// <summary>Throws the remembered failure, if any: a case must not be measured when it cannot be recorded.</summary>
    public void ThrowIfBroken()
    {
        if (_broken is { } message)
            throw new ResultsWriteException(message);
    }

    /// <summary>Appends to <paramref name="file"/> with <paramref name="append"/>; a failure breaks the guard and throws.</summary>
    /// <param name="file">The file written.</param>
    /// <param name="cases">The run's <c>cases.jsonl</c>: how many records are safe in it.</param>
    /// <param name="what">What was being written, e.g. "The record of case 3 of 'Llama 3.2 1B Instruct'".</param>
    /// <param name="append">The write.</param>
    public void Append(JsonLinesFile file, JsonLinesFile cases, string what, Action append)
    {
        ThrowIfBroken();
        try
        {
            append();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _broken = $"{what} could not be written to {file.Path}: {e.Message}. The {cases.Lines} case(s) recorded before it are intact in " +
                      $"{cases.Path} (a partly written last line is left out by the report), and nothing more is written to this run's files. " +
                      $"Free space on that disk (or set Results:Directory to another one) and run again; this run's results so far are in {directory}.";
            throw new ResultsWriteException(_broken, e);
        }
    }

    /// <summary>The message for a results folder that cannot be created or written at the start.</summary>
    public static ResultsWriteException CannotCreate(string resultsRoot, Exception cause) => new(
        $"The results folder {resultsRoot} cannot be created or written ({cause.Message}), so nothing can be recorded and nothing was measured. " +
        "Make it a folder you can write, or set Results:Directory (e.g. ENERGYBENCH__Results__Directory=/tmp/slmbench-results) to one.", cause);
}
