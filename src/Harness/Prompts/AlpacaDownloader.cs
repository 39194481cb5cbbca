namespace SlmEnergyBench.Harness.Prompts;

/// <summary>
/// Downloads a dataset into its cache: to a temporary file, checked (complete per Content-Length, valid Alpaca
/// JSON, the configured SHA-256), then renamed into place. A failed download leaves no cache file.
/// </summary>
internal sealed class AlpacaDownloader(HttpClient http)
{
    public async Task<byte[]> DownloadAsync(AlpacaCache cache, string sha256Pin, CancellationToken cancellationToken)
    {
        var url = cache.Url;
        var temporary = cache.NewTemporaryFile();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new PromptLoadException(
                    $"Downloading {url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}. " +
                    "Check Prompts:Source, or download the file yourself and set Prompts:Source to its path.");
            }

            var expected = response.Content.Headers.ContentLength;
            var file = File.Create(temporary);
            await using (file.ConfigureAwait(false))
            {
                await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var bytes = await File.ReadAllBytesAsync(temporary, cancellationToken).ConfigureAwait(false);
            if (expected is { } length && length != bytes.Length)
                throw new PromptLoadException($"Downloading {url} failed: the download is incomplete, {bytes.Length} of {length} bytes (Content-Length) arrived.");

            _ = AlpacaDataset.Parse(bytes, $"The download of {url}");
            var sha256 = DatasetHash.Compute(bytes);
            DatasetHash.CheckPin(sha256Pin, sha256, $"The download of {url}");
            cache.Commit(temporary, sha256);
            return bytes;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var cause = ex is OperationCanceledException ? $"no complete answer within {http.Timeout.TotalMinutes} minutes" : ex.Message;
            throw new PromptLoadException(
                $"Downloading {url} failed ({cause}). Check the network, or download the file yourself and set Prompts:Source to its path.", ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
