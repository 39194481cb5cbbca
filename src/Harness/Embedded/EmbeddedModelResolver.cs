using System.Collections.Concurrent;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// Turns a configured model name into a file: a path to a <c>.gguf</c> file, a GPT4All model name found in
/// GPT4All's folder, or a synthetic reference model (generated and cached on first use).
/// </summary>
public sealed class EmbeddedModelResolver(
    EmbeddedOptions options,
    string repositoryRoot,
    Func<string, CancellationToken, Task<ModelFile?>>? synthetic = null)
{
    private readonly ConcurrentDictionary<string, ModelFile> _resolved = new(StringComparer.Ordinal);

    public string ModelFolder => string.IsNullOrWhiteSpace(options.ModelFolder)
        ? Gpt4AllModelFolder.Default()
        : RepositoryPaths.Resolve(repositoryRoot, options.ModelFolder);

    /// <summary>Every model resolved so far.</summary>
    public IReadOnlyList<ModelFile> Resolved => [.. _resolved.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>The model's file, or a problem that says where it was looked for and what to do.</summary>
    public async Task<(ModelFile? File, string? Problem)> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(name, out var known))
            return (known, null);

        if (synthetic is not null && await synthetic(name, cancellationToken).ConfigureAwait(false) is { } generated)
            return (_resolved[name] = generated, null);

        if (name.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) && (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)))
        {
            var path = RepositoryPaths.Resolve(repositoryRoot, name);
            return File.Exists(path)
                ? await DescribeAsync(name, path, "path", cancellationToken).ConfigureAwait(false)
                : (null, $"model file {path} does not exist: fix the path in Models.");
        }

        var folder = ModelFolder;
        var found = Gpt4AllModelFolder.Find(folder, name);
        if (found is null)
        {
            var present = Directory.Exists(folder)
                ? string.Join(", ", Directory.EnumerateFiles(folder, "*.gguf").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "(the folder does not exist)";
            return (null, $"model '{name}' is not a .gguf path, a synthetic model, or a file in GPT4All's model folder {folder} " +
                          $"(present: {(present.Length == 0 ? "none" : present)}). Download it in GPT4All, set Embedded:ModelFolder, or give a path to a .gguf file.");
        }

        return await DescribeAsync(name, found, "gpt4all-folder", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file with its hash, or the problem when it is not a GGUF model (<see cref="GgufMagic"/>).</summary>
    private async Task<(ModelFile? File, string? Problem)> DescribeAsync(string name, string path, string origin, CancellationToken cancellationToken)
    {
        if (GgufMagic.Problem(path) is { } problem)
            return (null, problem);
        var file = new ModelFile(name, path, await FileSha256.OfFileAsync(path, cancellationToken).ConfigureAwait(false), new FileInfo(path).Length, origin, Synthetic: false);
        return (_resolved[name] = file, null);
    }
}
