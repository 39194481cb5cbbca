using System.Globalization;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>The <c>openai</c> backend's error messages: what went wrong, and what to do.</summary>
internal static class OpenAiMessages
{
    private const int SnippetLength = 300;

    public static string Unreachable(string server, string baseUrl, string cause, string flavor) =>
        $"Nothing answers at {baseUrl} ({cause}): {server} is not running there. {OpenAiServers.StartHint(flavor)}";

    public static string NotServed(string server, string baseUrl, string model, IReadOnlyList<OpenAiModel> served, string flavor) =>
        $"{server} at {baseUrl} does not serve '{model}' (GET /v1/models lists: {List(served)}). {OpenAiServers.NotServedHint(flavor, model)}";

    public static string StillLoading(string server, string url, double waitedS) =>
        $"{server} answered {url} with 503 (still loading the model) for {Seconds(waitedS)} s, the most Backend:LoadWaitSeconds allows. " +
        "Wait until its /health answers 200 (a large model can take minutes to load), or raise Backend:LoadWaitSeconds.";

    public static string Timeout(string server, string url, double seconds, OpenAiAnswer? answer) =>
        $"{server} did not finish answering {url} within {Seconds(seconds)} s (Backend:TimeoutSeconds)" +
        (answer is null ? " (no response headers arrived)" : $" ({answer.Arrivals.Count} content chunks arrived)") +
        ". A long generation on a slow machine can take minutes: raise Backend:TimeoutSeconds, or lower Generation:MaxTokens.";

    public static string MidStreamError(string server, string url, string error, OpenAiAnswer answer) =>
        $"{server} reported an error in the middle of its answer to {url} after {answer.Arrivals.Count} content chunks (HTTP status 200): {error}. " +
        "Only this case failed; check the server's log (out of memory, context full, model crashed).";

    public static string Broken(string server, string url, Exception ex, OpenAiAnswer? answer) =>
        $"The connection to {server} broke while {url} was answering" +
        (answer is null ? "" : $" ({answer.Arrivals.Count} content chunks had arrived)") + $": {ex.Message}. Check that the server is still running.";

    public static string Malformed(string server, string url, string problem) =>
        $"{server} sent an answer to {url} that is not an OpenAI-style completion: {problem}. Is Backend:BaseUrl an OpenAI-compatible server's /v1?";

    public static string Status(string server, string url, int status, string body)
    {
        var error = OpenAiJson.Error(body);
        return $"{server} answered {url} with HTTP {status}: {error ?? Snippet(body)}.";
    }

    public static string ModelMismatch(string server, string requested, string served) =>
        $"{server} was asked for '{requested}' but answered with '{served}'. Name the model in Models exactly as /v1/models lists it.";

    public static string List(IReadOnlyList<OpenAiModel> served) =>
        served.Count == 0 ? "(none)" : string.Join(", ", served.Select(m => $"'{m.Id}'"));

    public static string Snippet(string body)
    {
        if (body.Length == 0)
            return "(empty)";
        var flat = PrintableText.OneLine(body);
        return flat.Length <= SnippetLength ? flat : string.Concat(flat.AsSpan(0, SnippetLength), "...");
    }

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
