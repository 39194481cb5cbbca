using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>Resolves <c>synthetic-*</c> model names: writes the model into the cache on first use and returns its file and hash.</summary>
public static class SyntheticModelSource
{
    /// <summary>A resolver hook for <see cref="EmbeddedModelResolver"/>; <paramref name="extra"/> adds specs beyond <see cref="SyntheticModels.All"/> (tests).</summary>
    public static Func<string, CancellationToken, Task<ModelFile?>> For(string cacheDirectory, IEnumerable<SyntheticModelSpec>? extra = null)
    {
        var specs = SyntheticModels.All.Concat(extra ?? []).ToDictionary(s => s.Name, StringComparer.Ordinal);
        return async (name, cancellationToken) =>
        {
            if (!specs.TryGetValue(name, out var spec))
                return null;
            var file = await SyntheticModelCache.EnsureAsync(spec, cacheDirectory, cancellationToken).ConfigureAwait(false);
            return new ModelFile(name, file.Path, file.Sha256, file.Bytes, "synthetic", Synthetic: true);
        };
    }
}
