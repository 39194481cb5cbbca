namespace SlmEnergyBench.Harness.Results;

/// <summary>Writes a file so that readers see the old content or the new one, never half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
