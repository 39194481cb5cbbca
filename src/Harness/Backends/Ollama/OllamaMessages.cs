using System.Globalization;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>What the Ollama client says when something goes wrong: what was seen, and what to do.</summary>
internal static class OllamaMessages
{
    public static string Unreachable(string baseUrl, string cause) =>
        $"Nothing answers at {baseUrl} ({cause}). Start Ollama: `ollama serve` (or open the Ollama app), or set Backend:BaseUrl to where it listens (its default is http://127.0.0.1:11434).";

    public static string NotPulled(string baseUrl, string model, string serverMessage) =>
        $"Ollama at {baseUrl} does not have model '{model}' ({serverMessage}). Run `ollama pull {model}`, or check the name in Models / Runtimes:ModelNames against `ollama list`.";

    public static string NotOllama(string url, int status, string body) =>
        $"POST {url} answered {status} '{Snippet(body)}', which is not Ollama's API. Check Backend:BaseUrl: Ollama's is http://127.0.0.1:11434, without /v1 or /api.";

    public static string Refused(string url, int status, string serverMessage) =>
        $"Ollama refused POST {url} with {status}: {serverMessage}. Check the request settings (Generation, Backend:KeepAlive).";

    public static string Failed(string url, int status, string serverMessage, string model) =>
        $"Ollama failed POST {url} with {status}: {serverMessage}. The model may not fit in memory or failed to load: try `ollama run {model}` to see Ollama's own error, and its server log.";

    public static string Unexpected(string url, int status, string body) =>
        $"POST {url} answered {status} '{Snippet(body)}'. Check that Backend:BaseUrl is Ollama (http://127.0.0.1:11434) and that it is healthy.";

    public static string ErrorMidStream(string url, string serverMessage, int tokens) =>
        $"Ollama reported an error in the middle of its answer to POST {url}, after {tokens} token(s): \"{serverMessage}\". This case fails; the others go on. Ollama's server log says more.";

    public static string BrokenStream(string url, string problem) =>
        $"The answer to POST {url} broke off: {problem}. Check that Ollama is still running (it may have crashed or run out of memory).";

    public static string Timeout(string url, double seconds, int lines, int tokens, double? lastLineAgoS) =>
        $"Ollama did not finish POST {url} within {Seconds(seconds)} s (Backend:TimeoutSeconds)" +
        (lines == 0 ? ": no answer arrived (a model that loads or a long prompt can take this long: raise Backend:TimeoutSeconds)."
            : $": {lines} line(s) with {tokens} token(s) had arrived, the last {Seconds(lastLineAgoS ?? 0)} s before giving up. Raise Backend:TimeoutSeconds or lower Generation:MaxTokens.");

    public static string TooLarge(string url) =>
        $"The answer to POST {url} is larger than {ResponseBody.MaxBytes / (1024 * 1024)} MiB: not a completion. Check Backend:BaseUrl.";

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>At most 200 characters of <paramref name="text"/>, on one line.</summary>
    public static string Snippet(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "...";
    }
}
