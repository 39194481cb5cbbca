namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// One completed request. <see cref="StartS"/> and <see cref="EndS"/> are on the session timeline and
/// bracket the whole HTTP exchange as the client saw it.
/// </summary>
public sealed record CompletionResult
{
    public required string RequestedModel { get; init; }

    /// <summary>The model the server says it ran (<c>model</c> in the response).</summary>
    public required string ServedModel { get; init; }

    public required string Text { get; init; }

    public required double StartS { get; init; }

    public required double EndS { get; init; }

    public double WallSeconds => EndS - StartS;

    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    public required TokenCountSource PromptTokensSource { get; init; }

    public required TokenCountSource CompletionTokensSource { get; init; }

    /// <summary>Words in <see cref="Text"/>: runs of non-space characters that hold a letter or digit.</summary>
    public required int WordCount { get; init; }

    /// <summary>User-perceived characters (text elements) in <see cref="Text"/>.</summary>
    public required int CharacterCount { get; init; }

    /// <summary><c>stop</c>, <c>length</c>, ... as the server said; empty when absent.</summary>
    public required string FinishReason { get; init; }
}
