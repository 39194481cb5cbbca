namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>Judges the models Ollama has (<c>GET /api/tags</c>) against the configured ones, by Ollama's naming rule (<see cref="OllamaModelNames"/>).</summary>
internal static class OllamaProbe
{
    public static Availability Judge(string baseUrl, IReadOnlyList<string> served, IReadOnlyList<string> models)
    {
        var available = served.Count == 0 ? "(none)" : string.Join(", ", served.Select(m => $"'{m}'"));
        var missing = models.Where(m => OllamaModelNames.Find(m, served) is null).ToList();
        if (missing.Count > 0)
        {
            var pulls = string.Join("; ", missing.Select(m => $"`ollama pull {m}`"));
            return Availability.No($"Ollama at {baseUrl} does not have {string.Join(", ", missing.Select(m => $"'{m}'"))}: run {pulls}. It has: {available}.");
        }

        return Availability.Yes($"Ollama at {baseUrl} has: {available}");
    }
}
