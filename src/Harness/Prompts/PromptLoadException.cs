namespace SlmEnergyBench.Harness.Prompts;

/// <summary>The dataset could not be read, downloaded or parsed; the message names the source and the cause.</summary>
public sealed class PromptLoadException : Exception
{
    public PromptLoadException(string message) : base(message) { }

    public PromptLoadException(string message, Exception inner) : base(message, inner) { }
}
