namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// Whether a file begins as every GGUF model does, with the four bytes <c>GGUF</c> (the format's magic, see
/// ggml's <c>docs/gguf.md</c>): checked before a file is handed to llama.cpp, so that a web page saved in a model's
/// place, an empty or interrupted download, or another format is named at the start with what to do.
/// </summary>
internal static class GgufMagic
{
    /// <summary>Null when <paramref name="path"/> starts with <c>GGUF</c>; otherwise what it starts with and what to do.</summary>
    public static string? Problem(string path)
    {
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var file = File.OpenRead(path))
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == head.Length && head.SequenceEqual("GGUF"u8))
            return null;

        var start = read == 0
            ? "it is empty"
            : $"it starts with the bytes {Convert.ToHexString(head[..read])} ('{string.Concat(head[..read].ToArray().Select(b => b is >= 0x20 and < 0x7f ? (char)b : '.'))}')";
        return $"model file {path} is not a GGUF model: {start}, not 'GGUF' (an interrupted download, a web page saved in its place, or another " +
               "format such as safetensors). Download the model again (in GPT4All) or fix the path in Models.";
    }
}
