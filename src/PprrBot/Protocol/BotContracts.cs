using System.Text.Json;
using System.Text.Json.Nodes;

namespace PprrBot.Protocol;

// The seam between the Bot Framework protocol and PprrBot's features. Protocol/ turns activities into
// these plain types and back; nothing outside Protocol/ sees an Activity.

/// <summary>Who sent a message, as the authenticated activity says.</summary>
/// <param name="ChannelUserId">The channel's user id (29:... in Teams).</param>
/// <param name="AadObjectId">The user's Entra object id; identity and roles use this.</param>
public sealed record Sender(string ChannelUserId, string? AadObjectId, string? Name, string? TenantId);

/// <summary>A message from a member, officer or chair, with the bot's own @mention removed.</summary>
/// <param name="Value">Card submit data (Action.Submit), when the message came from a card button.</param>
/// <param name="IsPersonalChat">True in a 1:1 chat with the bot.</param>
public sealed record IncomingMessage(
    string Text,
    JsonElement? Value,
    Sender From,
    string ConversationId,
    string ActivityId,
    string? ReplyToId,
    bool IsPersonalChat);

/// <summary>One message the bot sends: plain text, or an Adaptive Card with its notification summary.</summary>
/// <remarks>
/// A card is held as the UTF-8 JSON that goes on the wire, written once by the feature that built it
/// (<see cref="ForCard(ReadOnlyMemory{byte}, string, string)"/>, through <c>Cards/CardDocument.ToMessage</c>).
/// <see cref="Card"/> parses it into a tree for code that reads a card (tests, the <c>ask</c> command).
/// </remarks>
public sealed record BotMessage
{
    private readonly ReadOnlyMemory<byte>? _cardJson;
    private readonly string? _fallbackText;
    private JsonObject? _card;

    public BotMessage(string? text, string? summary = null)
    {
        Text = text;
        Summary = summary;
    }

    private BotMessage(ReadOnlyMemory<byte> cardJson, string fallbackText, string summary)
    {
        _cardJson = cardJson;
        _fallbackText = fallbackText;
        Summary = summary;
    }

    /// <summary>Plain text; sent before the card when a message has both.</summary>
    public string? Text { get; init; }

    /// <summary>The one-line notification text for a card.</summary>
    public string? Summary { get; }

    /// <summary>A file offered through Teams' file consent flow (FileConsentCard).</summary>
    public FileOffer? File { get; init; }

    /// <summary>A file already saved to the user's OneDrive, shown as a file info card they can open.</summary>
    public UploadedFile? UploadedFile { get; init; }

    /// <summary>The card as a JSON tree, parsed on first use, for reading it; null without a card.</summary>
    public JsonObject? Card => _card ??= _cardJson is { } json ? JsonNode.Parse(json.Span)?.AsObject() : null;

    /// <summary>The card as the JSON sent to Teams; null without a card.</summary>
    public ReadOnlyMemory<byte>? CardJson => _cardJson;

    /// <summary>The card's <c>fallbackText</c>: what shows where the card cannot, and the card as plain text.</summary>
    public string? FallbackText => _fallbackText;

    public static BotMessage Plain(string text) => new(text);

    /// <summary>A card already written as JSON (nothing is parsed or copied on the way out).</summary>
    public static BotMessage ForCard(ReadOnlyMemory<byte> cardJson, string fallbackText, string summary) => new(cardJson, fallbackText, summary);
}

/// <summary>A file the bot offers to upload to a user's OneDrive through Teams' file consent flow.</summary>
public sealed record FileOffer(string FileName, string Description, long SizeInBytes, JsonObject Context);

/// <summary>A file uploaded through the file consent flow, as Teams described it in the answer (<see cref="FileUploadInfo"/>).</summary>
/// <param name="ContentUrl">The file in the user's OneDrive.</param>
/// <param name="UniqueId">The OneDrive drive item id.</param>
/// <param name="FileType">The extension without the dot, e.g. "docx".</param>
public sealed record UploadedFile(string Name, Uri ContentUrl, string UniqueId, string FileType);

/// <summary>An Action.Execute press (invoke adaptiveCard/action).</summary>
public sealed record CardAction(string Verb, JsonElement Data, Sender From, string ConversationId, string? CardActivityId);

/// <summary>What an Action.Execute produced: a replacement card (a card message, as any other), a short toast, or an error.</summary>
public abstract record CardActionOutcome
{
    private CardActionOutcome()
    {
    }

    public sealed record ReplaceCard(BotMessage Card) : CardActionOutcome;

    public sealed record Message(string Text) : CardActionOutcome;

    public sealed record Error(int StatusCode, string Code, string Text) : CardActionOutcome;
}

/// <summary>Answers members' messages. Implemented by the Conversation feature.</summary>
public interface IMessageResponder
{
    ValueTask<IReadOnlyList<BotMessage>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken);

    /// <summary>The greeting sent when the bot is added to a chat or team.</summary>
    IReadOnlyList<BotMessage> Welcome();
}

/// <summary>Handles Action.Execute presses for the verbs it owns.</summary>
public interface ICardActionHandler
{
    bool Handles(string verb);

    ValueTask<CardActionOutcome> ExecuteAsync(CardAction action, CancellationToken cancellationToken);
}
