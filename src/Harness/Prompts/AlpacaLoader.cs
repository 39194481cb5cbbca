using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>
/// Loads the prompts of a run from an Alpaca dataset, a JSON array (<c>[{"instruction", "input", "output"}]</c>) or
/// JSON Lines (one such object per line), told apart by content (<see cref="AlpacaDataset"/>), from an http(s) URL (downloaded once into <c>Prompts:CacheDirectory</c> and verified by SHA-256 on every later load)
/// or from a local file. Selects <c>Prompts:Count</c> of the first <c>Prompts:Pool</c> items.
/// </summary>
public sealed class AlpacaLoader
{
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(10);

    private readonly PromptOptions _options;
    private readonly string _root;
    private readonly HttpMessageHandler? _handler;

    /// <param name="options">The <c>Prompts</c> section.</param>
    /// <param name="repositoryRoot">Relative paths (source file, cache folder) are resolved against it.</param>
    /// <param name="handler">HTTP handler for downloads (tests); a default one when null.</param>
    public AlpacaLoader(PromptOptions options, string repositoryRoot, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        _options = options;
        _root = repositoryRoot;
        _handler = handler;
    }

    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Reads (or downloads) the dataset and selects the prompts; throws <see cref="PromptLoadException"/> naming the cause.</summary>
    public async Task<PromptSet> LoadAsync(CancellationToken cancellationToken)
    {
        PromptSelector.Validate(_options);
        var source = _options.Source;
        var bytes = IsUrl(source) ? await ReadUrlAsync(source, cancellationToken).ConfigureAwait(false) : ReadFile(source);
        var sha256 = DatasetHash.Compute(bytes);
        var items = AlpacaDataset.Parse(bytes, source);

        var indices = PromptSelector.Select(_options, items.Count, source);
        var prompts = indices.Select((index, ordinal) => new Prompt(ordinal, index, Text(items[index], index, source))).ToList();
        return new PromptSet(source, sha256, items.Count, prompts);
    }

    private string Text(AlpacaItem item, int index, string source)
    {
        if (string.IsNullOrWhiteSpace(item.Instruction))
            throw new PromptLoadException($"{source} line {item.Line}: item {index} has an empty 'instruction'; it cannot be a prompt.");
        return _options.IncludeInput && item.Input.Length > 0 ? item.Instruction + "\n\n" + item.Input : item.Instruction;
    }

    private async Task<byte[]> ReadUrlAsync(string url, CancellationToken cancellationToken)
    {
        var cache = new AlpacaCache(RepositoryPaths.Resolve(_root, _options.CacheDirectory), url);
        if (cache.TryRead() is { } cached)
        {
            DatasetHash.CheckPin(_options.Sha256, DatasetHash.Compute(cached), $"The cached copy of {url} ({cache.JsonPath})");
            return cached;
        }

        using var http = _handler is null ? new HttpClient() : new HttpClient(_handler, disposeHandler: false);
        http.Timeout = DownloadTimeout;
        return await new AlpacaDownloader(http).DownloadAsync(cache, _options.Sha256, cancellationToken).ConfigureAwait(false);
    }

    private byte[] ReadFile(string source)
    {
        var path = RepositoryPaths.Resolve(_root, source);
        if (!File.Exists(path))
        {
            throw new PromptLoadException($"Prompts:Source = '{source}' is neither an http(s) URL nor an existing file ({path} not found). " +
                                          "Fix Prompts:Source: a file path (relative to the repository root) or the URL of an Alpaca dataset.");
        }

        var bytes = File.ReadAllBytes(path);
        DatasetHash.CheckPin(_options.Sha256, DatasetHash.Compute(bytes), path);
        return bytes;
    }
}
