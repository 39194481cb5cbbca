using System.Globalization;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>The error and probe messages of <see cref="Gpt4AllClient"/>: what was wrong and what to do.</summary>
internal static class Gpt4AllMessages
{
    private const int SnippetLength = 300;

    public const string EnableServer =
        "Start GPT4All and enable its API server: GPT4All > Settings > Application > Advanced > \"Enable Local API Server\" " +
        "(default port 4891). Use http://127.0.0.1:4891/v1 as Backend:BaseUrl, not localhost: the server listens on 127.0.0.1 only.";

    public static string Unreachable(string baseUrl, string cause) =>
        $"The GPT4All API server is not reachable at {baseUrl} ({cause}). {EnableServer}";

    public static string Timeout(string url, double seconds) =>
        $"GPT4All did not answer {url} within {Seconds(seconds)} s (Backend:TimeoutSeconds). " +
        "A long generation on a slow machine can take minutes: raise Backend:TimeoutSeconds, or lower Generation:MaxTokens.";

    /// <summary>Headers arrived but the whole body did not within the timeout: stalled or merely slow, told apart by when its last byte came.</summary>
    public static string TimeoutMidBody(string url, double seconds, int status, ResponseBody body, double nowS)
    {
        var of = body.ContentLength is { } length ? $" of {length}" : "";
        var last = body.LastByteS is { } lastS
            ? $", the last of them {Seconds(Math.Max(0, nowS - lastS))} s before the limit"
            : "";
        return $"GPT4All began answering {url} (HTTP {status}) but the whole answer had not arrived within {Seconds(seconds)} s (Backend:TimeoutSeconds): " +
               $"{body.BytesRead}{of} bytes arrived{last}. If the answer was still arriving, GPT4All is merely slow: raise Backend:TimeoutSeconds. " +
               "If it had stopped, GPT4All hangs: restart it. Later cases are still sent.";
    }

    /// <summary>The connection broke while the body was arriving.</summary>
    public static string BrokenMidBody(string url, int status, ResponseBody body, Exception cause)
    {
        var of = body.ContentLength is { } length ? $" of {length}" : "";
        return $"GPT4All closed the connection in the middle of its answer to {url} (HTTP {status}, {body.BytesRead}{of} bytes arrived: {cause.Message}). " +
               "GPT4All probably crashed or was closed while answering: check that it is running and that the model loads in its chat window. Later cases are still sent.";
    }

    /// <summary>A body over <see cref="ResponseBody.MaxBytes"/>, announced or arrived.</summary>
    public static string TooLarge(string url, string baseUrl, ResponseBody body, int maxTokens)
    {
        var size = body.AnnouncedTooLarge
            ? $"its Content-Length is {body.ContentLength} bytes"
            : $"more than {ResponseBody.MaxBytes} bytes arrived before reading stopped";
        return $"GPT4All's answer to {url} is larger than {ResponseBody.MaxBytes / (1024 * 1024)} MiB ({size}), so it was refused: " +
               $"a completion of at most {maxTokens} tokens (Generation:MaxTokens) is a few kilobytes. Something other than GPT4All's API may be " +
               $"answering at {baseUrl}: check Backend:BaseUrl (GPT4All's is http://127.0.0.1:4891/v1).";
    }

    /// <summary>True when a body that should be JSON is a web page (HTML or XML) instead.</summary>
    public static bool IsPage(string body) => body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);

    /// <summary>A web page where a completion was expected: another server on that port, or a proxy's error page.</summary>
    public static string Page(string url, string baseUrl, string body) =>
        $"GPT4All's answer to {url} is a web page (HTML or XML), not JSON: something other than GPT4All's API answers at {baseUrl} " +
        "(another web server or a proxy on that port). Check Backend:BaseUrl (GPT4All's is http://127.0.0.1:4891/v1) and that GPT4All's " +
        $"API server is enabled. Page: {Snippet(body)}";

    public static string BadRequest(string url, string serverMessage) =>
        $"GPT4All refused the request to {url} (400 Bad Request): {serverMessage.TrimEnd('.')}. The suite sends only fields that GPT4All 3.3 to 3.10 " +
        "accept: check that Backend:BaseUrl is GPT4All's API and that GPT4All is 3.3 or later.";

    public static string EmptyServerError(string url, string model) =>
        $"GPT4All answered {url} with 500 and an empty body for model '{model}'. Likely causes: the prompt is longer than " +
        "the model's context window (shorten it or raise the context length in GPT4All's model settings), or the model " +
        "failed to load (not enough memory, or its file is missing from the GPT4All model folder). Check the model loads in the GPT4All chat window.";

    public static string UnexpectedStatus(string url, int status, string body)
    {
        var hint = status switch
        {
            404 => " Check Backend:BaseUrl: it must end with /v1 (e.g. http://127.0.0.1:4891/v1).",
            429 or 503 => " The server is busy or not ready: GPT4All answers one request at a time, so something else may be using it " +
                          "(another benchmark run, or its chat window generating), or the model is still loading. Let it finish and run again; later cases are still sent.",
            _ => "",
        };
        return $"GPT4All answered {url} with HTTP {status}.{hint} Body: {Snippet(body)}";
    }

    public static string Malformed(string url, string problem, string body) =>
        $"GPT4All's answer to {url} is not a usable completion: {problem}. Check that Backend:BaseUrl is GPT4All's API (3.3 or later, " +
        $"http://127.0.0.1:4891/v1). Body: {Snippet(body)}";

    public static string ModelMismatch(string requested, string expected, string served)
    {
        var answer = expected == requested ? "" : $", which GPT4All answers as '{expected}' (the display name of that file)";
        return $"Requested model '{requested}'{answer}, but GPT4All served '{served}'. {Gpt4AllModelNames.Rule}: " +
               "use a display name exactly as GET /v1/models lists it, or a model's file name.";
    }

    /// <summary>Why one configured model is not served, and what to do; the caller adds the list of available models.</summary>
    public static string NotServed(string model, IReadOnlyCollection<string> served, Gpt4AllModelCatalog catalog)
    {
        if (Gpt4AllModelNames.NearMiss(model, served, catalog) is { } meant)
            return $"'{model}': {Gpt4AllModelNames.Rule}. Did you mean '{meant}'? Fix the name in Models.";
        if (catalog.DisplayNameOf(model) is { } display)
        {
            return $"'{model}', the file of GPT4All's model '{display}', which this GPT4All does not list (it would silently answer with its default model instead). " +
                   $"Download '{display}' in GPT4All (if you renamed it there, use the name it lists), or fix the name in Models.";
        }

        if (model.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{model}' (it would silently answer with its default model instead). {Gpt4AllModelNames.Rule}; its API lists display names only, " +
                   $"and '{model}' is no file of {catalog.Source}, so which listed model it is cannot be checked. Use the display name GPT4All lists.";
        }

        return $"'{model}' (it would silently answer with its default model instead). {Gpt4AllModelNames.Rule}. " +
               "Download the model in GPT4All or fix the name in Models.";
    }

    public static string Snippet(string body)
    {
        if (body.Length == 0)
            return "(empty)";
        // Binary garbage (a broken or compressed stream) is shown as '?' so the message stays readable.
        var flat = PrintableText.OneLine(body);
        return flat.Length <= SnippetLength ? flat : string.Concat(flat.AsSpan(0, SnippetLength), "...");
    }

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
