using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlmEnergyBench.Harness.Results;

/// <summary>The JSON conventions of every results file: camelCase, enums as strings, invariant numbers.</summary>
public static class ResultsJson
{
    public static readonly JsonSerializerOptions Line = Create(indented: false);

    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
