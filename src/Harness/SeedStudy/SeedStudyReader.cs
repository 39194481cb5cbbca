using System.Text.Json;

namespace SlmEnergyBench.Harness.SeedStudy;

/// <summary>
/// Reads the seed study's <c>results_&lt;i&gt;.json</c>: a JSON array of objects with <c>inferenceTime</c> (ms),
/// <c>input</c>, <c>inputLength</c>, <c>inputToken</c>, <c>output</c>, <c>outputLength</c>, <c>outputToken</c> and
/// <c>energyMetrics</c> (<c>batteryPercentage</c>, <c>cpuPowerMw</c>, <c>gpuPowerMw</c>, <c>combinedPowerMw</c>,
/// <c>timeElapsed</c>). Fields are read by name; extra fields are ignored. Anything else throws
/// <see cref="InvalidDataException"/> naming the file, the record index and the field.
/// </summary>
public static class SeedStudyReader
{
    public static IReadOnlyList<SeedStudyRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path}: expected a JSON array of records, found {root.ValueKind}");

            var records = new List<SeedStudyRecord>(root.GetArrayLength());
            var index = 0;
            foreach (var element in root.EnumerateArray())
                records.Add(ReadRecord(new Where(path, index++), element));
            return records;
        }
    }

    private static SeedStudyRecord ReadRecord(Where where, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw where.Error(null, $"expected an object, found {element.ValueKind}");

        var inferenceTime = Number(where, element, "inferenceTime");
        if (inferenceTime <= 0)
            throw where.Error("inferenceTime", $"must be positive, found {inferenceTime}");

        var metrics = Field(where, element, "energyMetrics", JsonValueKind.Array);
        if (metrics.GetArrayLength() == 0)
            throw where.Error("energyMetrics", "holds no sample: a response without power samples has no energy");
        var samples = new List<SeedStudySample>(metrics.GetArrayLength());
        var i = 0;
        foreach (var sample in metrics.EnumerateArray())
        {
            var prefix = $"energyMetrics[{i++}]";
            if (sample.ValueKind != JsonValueKind.Object)
                throw where.Error(prefix, $"expected an object, found {sample.ValueKind}");
            samples.Add(new SeedStudySample(
                Number(where, sample, "batteryPercentage", prefix),
                Power(where, sample, "cpuPowerMw", prefix),
                Power(where, sample, "gpuPowerMw", prefix),
                Power(where, sample, "combinedPowerMw", prefix),
                Counter(where, sample, "timeElapsed", prefix)));
        }

        return new SeedStudyRecord(
            inferenceTime,
            Text(where, element, "input"),
            Count(where, element, "inputLength"),
            Count(where, element, "inputToken"),
            Text(where, element, "output"),
            Count(where, element, "outputLength"),
            Count(where, element, "outputToken"),
            samples);
    }

    private static JsonElement Field(Where where, JsonElement obj, string name, JsonValueKind kind, string? prefix = null)
    {
        var field = prefix is null ? name : $"{prefix}.{name}";
        if (!obj.TryGetProperty(name, out var value))
            throw where.Error(field, "is missing");
        if (value.ValueKind != kind)
            throw where.Error(field, $"expected {kind}, found {value.ValueKind}");
        return value;
    }

    private static double Number(Where where, JsonElement obj, string name, string? prefix = null)
    {
        var value = Field(where, obj, name, JsonValueKind.Number, prefix);
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw where.Error(prefix is null ? name : $"{prefix}.{name}", $"is not a finite number: {value.GetRawText()}");
        return number;
    }

    private static double Power(Where where, JsonElement obj, string name, string prefix)
    {
        var power = Number(where, obj, name, prefix);
        if (power < 0)
            throw where.Error($"{prefix}.{name}", $"must not be negative, found {power}");
        return power;
    }

    private static int Count(Where where, JsonElement obj, string name)
    {
        var value = Field(where, obj, name, JsonValueKind.Number);
        if (!value.TryGetInt32(out var count) || count < 0)
            throw where.Error(name, $"expected a non-negative integer, found {value.GetRawText()}");
        return count;
    }

    private static long Counter(Where where, JsonElement obj, string name, string prefix)
    {
        var value = Field(where, obj, name, JsonValueKind.Number, prefix);
        if (!value.TryGetInt64(out var counter))
            throw where.Error($"{prefix}.{name}", $"expected an integer, found {value.GetRawText()}");
        return counter;
    }

    private static string Text(Where where, JsonElement obj, string name) =>
        Field(where, obj, name, JsonValueKind.String).GetString()!;

    private readonly record struct Where(string Path, int Index)
    {
        public InvalidDataException Error(string? field, string problem) =>
            new(field is null
                ? $"{Path}: record {Index}: {problem}"
                : $"{Path}: record {Index}, field '{field}': {problem}");
    }
}
