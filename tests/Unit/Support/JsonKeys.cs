using System.Text.Json;

namespace SlmEnergyBench.Unit.Support;

internal static class JsonKeys
{
    /// <summary>Property names of an object, in the order they appear in the raw text.</summary>
    public static IReadOnlyList<string> Of(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>Whether every object in the tree lists its keys in ordinal order, as written.</summary>
    public static bool AreSortedEverywhere(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Of(element).SequenceEqual(Of(element).Order(StringComparer.Ordinal))
            && element.EnumerateObject().All(p => AreSortedEverywhere(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(AreSortedEverywhere),
        _ => true,
    };
}
