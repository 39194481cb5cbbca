using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace SlmEnergyBench.Harness.Configuration;

/// <summary>Finds configuration keys that match no option property (usually a typo), with the keys allowed there.</summary>
internal static class UnknownKeys
{
    public static IEnumerable<string> Find(IConfiguration config, Type type, string prefix = "")
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name != nameof(BenchOptions.Profile))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in config.GetChildren())
        {
            var key = prefix + child.Key;
            if (!properties.TryGetValue(child.Key, out var property))
            {
                yield return $"{key} is not a known key: allowed {(prefix.Length == 0 ? "sections" : "keys under " + prefix.TrimEnd(':'))} " +
                             string.Join(", ", properties.Keys.Order(StringComparer.Ordinal)) + ".";
                continue;
            }

            var elementType = ListElementType(property.PropertyType);
            if (elementType is not null && IsSection(elementType))
            {
                foreach (var item in child.GetChildren())
                    foreach (var problem in Find(item, elementType, $"{key}:{item.Key}:"))
                        yield return problem;
            }
            else if (IsSection(property.PropertyType))
            {
                foreach (var problem in Find(child, property.PropertyType, key + ":"))
                    yield return problem;
            }
        }
    }

    /// <summary>A section whose keys are properties: a class, not a string, a list or a dictionary (whose keys are the user's, e.g. model names).</summary>
    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && ListElementType(type) is null
        && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>));

    private static Type? ListElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
}
