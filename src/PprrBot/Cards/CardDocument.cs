using System.Text.Json.Nodes;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Cards;

/// <summary>
/// The frame every card shares: version 1.5, <c>speak</c>, <c>fallbackText</c>, the sample-data marker,
/// and the notification summary. Builders add body elements and actions, then call <see cref="ToMessage"/>.
/// </summary>
internal sealed class CardDocument
{
    public const string Version = "1.5";
    public const string SampleMarker = "Sample data, not official figures";

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private readonly bool _fullWidth;
    private readonly bool _sample;

    /// <param name="snapshot">The data the card shows; null for cards with no figures (help).</param>
    /// <param name="fullWidth">Ask Teams for the full chat width (tables).</param>
    public CardDocument(PprrSnapshot? snapshot, bool fullWidth = false)
    {
        _fullWidth = fullWidth;
        _sample = snapshot?.IsSample == true;
        if (_sample)
        {
            _body.Add(CardElements.Container(
                [CardElements.Text("⚠ " + SampleMarker, size: "Small", weight: "Bolder")],
                style: "emphasis"));
        }
    }

    public CardDocument Add(JsonNode element)
    {
        _body.Add(element);
        return this;
    }

    public CardDocument AddRange(IEnumerable<JsonNode> elements)
    {
        foreach (var element in elements)
        {
            _body.Add(element);
        }

        return this;
    }

    public CardDocument Action(JsonObject action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>
    /// The finished card. <paramref name="speak"/> is read aloud (Immersive Reader), <paramref name="fallbackText"/>
    /// shows where the card cannot, and <paramref name="summary"/> is the one-line notification text.
    /// </summary>
    public BotMessage ToMessage(string speak, string fallbackText, string summary)
    {
        if (_sample)
        {
            speak += " " + SampleMarker + ".";
            fallbackText += " (" + SampleMarker + ".)";
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["speak"] = speak,
            ["fallbackText"] = fallbackText,
            ["body"] = _body,
        };

        if (_actions.Count > 0)
        {
            card["actions"] = _actions;
        }

        if (_fullWidth)
        {
            // Teams-only; not in the strict schema, so validation strips it.
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        return BotMessage.ForCard(card, summary);
    }
}

/// <summary>
/// The data our buttons send back (Action.Submit → message value). The <c>pprr</c> key names what the
/// button asks for; the Conversation and Routing features read it.
/// </summary>
internal static class CardData
{
    public const string Key = "pprr";

    public static JsonObject Show(string code) => new() { [Key] = "show", ["code"] = code };

    public static JsonObject Trend(string code) => new() { [Key] = "trend", ["code"] = code };

    public static JsonObject Related(string code) => new() { [Key] = "related", ["code"] = code };

    public static JsonObject Ask(string text) => new() { [Key] = "ask", ["text"] = text };

    /// <summary>Start routing a question to an officer; with no code, to the performance officer.</summary>
    public static JsonObject RouteStart(string? code = null, string? period = null, string? question = null, string? role = null)
    {
        var data = new JsonObject { [Key] = "route.start" };
        if (role is not null)
        {
            data["role"] = role;
        }

        if (code is not null)
        {
            data["code"] = code;
        }

        if (period is not null)
        {
            data["period"] = period;
        }

        if (question is not null)
        {
            data["question"] = question;
        }

        return data;
    }
}
