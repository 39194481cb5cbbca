using System.Globalization;
using System.Text.Json;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// Figures a benchmark measures besides its time (CPU % of a core, peak memory in MB, an HTML report's size in KB, a page's
/// load time in ms, tokens/s by two counters): recorded by the benchmark's own process (BenchmarkDotNet runs each benchmark
/// in a child process) into one JSON-lines file, read back by the host for <see cref="SideFigureColumn"/>.
/// </summary>
/// <remarks>
/// The file is named by the environment variable <see cref="FileVariable"/>, which <c>Program</c> sets before the run and
/// the child processes inherit. Each line is <c>{"key":"Type.Method(Name=Value, ...)","figure":"...","value":1.5}</c>;
/// a case recorded several times (once per launch or iteration) shows the median.
/// </remarks>
public static class SideFigures
{
    /// <summary>The environment variable that names the JSON-lines file.</summary>
    public const string FileVariable = "SLMBENCH_SIDE_FIGURES";

    private static readonly Lock Gate = new();

    /// <summary>
    /// The key of one benchmark case: the benchmark class's name, the method and its parameters in declaration order,
    /// e.g. <c>ReportBenchmarks.WriteReport(Cases=768)</c>.
    /// </summary>
    /// <remarks>
    /// Inside BenchmarkDotNet's child process <c>GetType()</c> is its generated <c>Runnable_N</c> subclass: the key names
    /// the benchmark class it derives from, so <c>GetType()</c> and <c>typeof(TheClass)</c> give the same key.
    /// </remarks>
    public static string Key(Type type, string method, params (string Name, object? Value)[] parameters) =>
        $"{Declared(type).Name}.{method}({string.Join(", ", parameters.Select(p => $"{p.Name}={Format(p.Value)}"))})";

    /// <summary>Appends one figure for the case <paramref name="key"/> (see <see cref="Key"/>); does nothing when no file is set (a run outside <c>Program</c>).</summary>
    public static void Record(string key, string figure, double value)
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path)
            Record(path, key, figure, value);
    }

    /// <summary>Appends one figure to the JSON-lines file at <paramref name="path"/>.</summary>
    internal static void Record(string path, string key, string figure, double value)
    {
        var line = JsonSerializer.Serialize(new SideFigure(key, figure, value)) + "\n";
        lock (Gate)
            File.AppendAllText(path, line);
    }

    /// <summary>Every recorded value of <paramref name="figure"/> for <paramref name="key"/>, in order of recording.</summary>
    public static IReadOnlyList<double> Read(string key, string figure) =>
        Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path ? Read(path, key, figure) : [];

    /// <summary>Every value of <paramref name="figure"/> for <paramref name="key"/> in the file at <paramref name="path"/> (none when it does not exist).</summary>
    /// <exception cref="InvalidDataException">A line of the file is not a side figure.</exception>
    internal static IReadOnlyList<double> Read(string path, string key, string figure) =>
        ReadAll(path).Where(f => f.Key == key && f.Figure == figure).Select(f => f.Value).ToList();

    private static IEnumerable<SideFigure> ReadAll(string path)
    {
        if (!File.Exists(path))
            return [];
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0)
            .Select(l => Parse(path, l))
            .ToList();
    }

    private static SideFigure Parse(string path, string line)
    {
        try
        {
            return JsonSerializer.Deserialize<SideFigure>(line) is { Key: not null, Figure: not null } figure
                ? figure
                : throw new InvalidDataException($"{path}: a line is not a side figure (key, figure, value): {line}. Delete the file and rerun.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: a line is not JSON ({e.Message}): {line}. Delete the file and rerun.", e);
        }
    }

    private static Type Declared(Type type)
    {
        while (type.Name.StartsWith("Runnable_", StringComparison.Ordinal) && type.BaseType is { } declared)
            type = declared;
        return type;
    }

    internal static string Format(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed record SideFigure(string Key, string Figure, double Value);
}
