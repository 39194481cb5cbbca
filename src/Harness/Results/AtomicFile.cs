namespace SlmEnergyBench.Harness.Results;

/// <summary>Writes a file so that readers see the old content or the new one, never half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    /// <summary>Writes a temp file beside <paramref name="path"/>, then renames it over; a failed write leaves no temp file behind.</summary>
    private static void Write(string path, Action<string> write)
    {
        var temp = path + ".tmp";
        try
        {
            write(temp);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The write's own error is the one to report.
            }

            throw;
        }

        File.Move(temp, path, overwrite: true);
    }
}
