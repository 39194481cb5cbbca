namespace SlmEnergyBench.Harness.Configuration;

public sealed class BackendOptions
{
    /// <summary>
    /// <c>gpt4all</c> (a real server at <see cref="BaseUrl"/>), <c>fake-gpt4all</c> (an in-process WireMock server),
    /// or <c>llamasharp</c> (llama.cpp in process, see <see cref="EmbeddedOptions"/>).
    /// </summary>
    public string Kind { get; set; } = BackendKinds.Gpt4All;

    /// <summary>OpenAI-style base URL including <c>/v1</c>. Ignored for <c>fake-gpt4all</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:4891/v1";

    /// <summary><c>completions</c> (as the study) or <c>chat</c>.</summary>
    public string Endpoint { get; set; } = Endpoints.Completions;

    /// <summary>Longest a generation may take. Generation on a laptop can take minutes.</summary>
    public double TimeoutSeconds { get; set; } = 600;

    /// <summary>Longest the availability probe may take before the cases are skipped.</summary>
    public double ProbeTimeoutSeconds { get; set; } = 3;
}

public static class BackendKinds
{
    public const string Gpt4All = "gpt4all";
    public const string FakeGpt4All = "fake-gpt4all";
    public const string LlamaSharp = "llamasharp";
    public static readonly string[] All = [Gpt4All, FakeGpt4All, LlamaSharp];
}

public static class Endpoints
{
    public const string Completions = "completions";
    public const string Chat = "chat";
    public static readonly string[] All = [Completions, Chat];
}
