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

    private readonly List<CardObject> _body = new(16);
    private readonly List<CardObject> _actions = [];
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

    public CardDocument Add(CardObject element)
    {
        _body.Add(element);
        return this;
    }

    public CardDocument AddRange(IEnumerable<CardObject> elements)
    {
        _body.AddRange(elements);
        return this;
    }

    public CardDocument Action(CardObject action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>
    /// The finished card, written once as the JSON Teams receives. <paramref name="speak"/> is read aloud (Immersive Reader), <paramref name="fallbackText"/>
    /// shows where the card cannot, and <paramref name="summary"/> is the one-line notification text.
    /// </summary>
    public BotMessage ToMessage(string speak, string fallbackText, string summary)
    {
        if (_sample)
        {
            speak += " " + SampleMarker + ".";
            fallbackText += " (" + SampleMarker + ".)";
        }

        var card = new CardObject(8)
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
            card["msteams"] = new CardObject { ["width"] = "Full" };
        }

        return BotMessage.ForCard(card.ToUtf8Json(), fallbackText, summary);
    }
}

/// <summary>
/// The data our buttons send back (Action.Submit → message value). The <c>pprr</c> key names what the
/// button asks for; the Conversation and Routing features read it.
/// </summary>
internal static class CardData
{
    public const string Key = "pprr";

    public static CardObject Show(string code) => new() { [Key] = "show", ["code"] = code };

    public static CardObject Trend(string code) => new() { [Key] = "trend", ["code"] = code };

    public static CardObject Related(string code) => new() { [Key] = "related", ["code"] = code };

    public static CardObject Ask(string text) => new() { [Key] = "ask", ["text"] = text };

    /// <summary>Start routing a question to an officer; with no code, to the performance officer.</summary>
    public static CardObject RouteStart(string? code = null, string? period = null, string? question = null, string? role = null) =>
        new CardObject { [Key] = "route.start" }
            .SetIfPresent("role", role)
            .SetIfPresent("code", code)
            .SetIfPresent("period", period)
            .SetIfPresent("question", question);
}
