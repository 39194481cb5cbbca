using System.Text.Json.Nodes;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>GPT4All's JSON shapes. Its server writes object keys sorted, so <see cref="Serialize"/> sorts them too.</summary>
internal static class FakeJson
{
    public static string Serialize(JsonNode node) => Sorted(node)?.ToJsonString() ?? "null";

    public static string Error(string message) => Serialize(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = "invalid_request_error",
            ["param"] = null,
            ["code"] = null,
        },
    });

    public static JsonObject Model(string name) => new()
    {
        ["id"] = name,
        ["object"] = "model",
        ["created"] = 0,
        ["owned_by"] = "humanity",
        ["root"] = name,
        ["parent"] = null,
        ["permissions"] = new JsonArray(new JsonObject
        {
            ["id"] = "placeholder",
            ["object"] = "model_permission",
            ["created"] = 0,
            ["allow_create_engine"] = false,
            ["allow_sampling"] = false,
            ["allow_logprobs"] = false,
            ["allow_search_indices"] = false,
            ["allow_view"] = true,
            ["allow_fine_tuning"] = false,
            ["organization"] = "*",
            ["group"] = null,
            ["is_blocking"] = false,
        }),
    };

    public static JsonObject ModelList(IEnumerable<string> names) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. names.Select(n => (JsonNode)Model(n))]),
    };

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
