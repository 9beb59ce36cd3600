using System.Text.Json;
using System.Text.Json.Nodes;

namespace PprrBot.Tests.Cards;

/// <summary>Reads a card the way a member sees it: every visible string, and every element of a type.</summary>
internal static class CardJson
{
    public static IEnumerable<JsonObject> Elements(JsonNode? node, string type) =>
        Walk(node).Where(o => (string?)o["type"] == type);

    /// <summary>Everything a member can read on the card: text, fact titles and values, button titles.</summary>
    public static string VisibleText(JsonObject card) =>
        string.Join("\n", Walk(card["body"]).Concat(Walk(card["actions"]))
            .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
            .OfType<JsonValue>()
            .Where(v => v.GetValueKind() == JsonValueKind.String)
            .Select(v => v.GetValue<string>()));

    /// <summary>Every Action.Submit data object on the card, in order.</summary>
    public static IReadOnlyList<JsonObject> SubmitData(JsonObject card) =>
        Walk(card).Where(o => (string?)o["type"] == "Action.Submit").Select(o => o["data"]!.AsObject()).ToList();

    public static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
