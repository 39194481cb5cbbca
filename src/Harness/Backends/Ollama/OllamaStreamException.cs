namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// An answer from Ollama that could not be completed: an <c>{"error":...}</c> line (<see cref="ServerError"/>: the message is
/// the server's own), a line that is not Ollama's JSON, or a stream without its final object. The client turns it into a
/// <see cref="BackendException"/> that says where and what to do.
/// </summary>
internal sealed class OllamaStreamException(string message, bool serverError = false) : Exception(message)
{
    public bool ServerError { get; } = serverError;
}
