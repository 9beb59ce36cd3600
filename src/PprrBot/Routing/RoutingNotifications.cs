using System.Runtime.InteropServices;
using System.Text.Json;
using PprrBot.Data.Outbox;
using PprrBot.Protocol;

namespace PprrBot.Routing;

/// <summary>What an outbox row asks the delivery side to do (<see cref="OutboxMessage.Kind"/>).</summary>
public static class RoutingNotificationKinds
{
    /// <summary>Send to a user's 1:1 chat with the bot, creating it if needed; e-mail if they cannot be reached in Teams.</summary>
    public const string TeamsPersonal = "teams.personal";

    /// <summary>Send to an existing conversation (the one the member asked in).</summary>
    public const string TeamsConversation = "teams.conversation";

    /// <summary>Replace a card already sent, for everyone who can see it.</summary>
    public const string TeamsUpdate = "teams.update";

    /// <summary>E-mail only: the person has no Teams id.</summary>
    public const string Email = "email";
}

/// <summary>Why a notification is sent; delivery records the officer card's location for <see cref="OfficerCard"/>.</summary>
public static class RoutingNotificationPurposes
{
    public const string OfficerCard = "officer-card";
    public const string OfficerCardUpdate = "officer-card-update";
    public const string DemocraticServicesCopy = "ds-copy";
    public const string MemberAnswer = "member-answer";
    public const string MemberNote = "member-note";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
}

/// <summary>
/// The payload of a routing outbox row (<see cref="OutboxMessage.PayloadJson"/>): self-contained, so delivery
/// needs nothing but this and the channel.
/// </summary>
public sealed record RoutingNotification
{
    public required string Purpose { get; init; }

    /// <summary>Teams user id (29:...) or Entra object id, for <see cref="RoutingNotificationKinds.TeamsPersonal"/>.</summary>
    public string? ToUserId { get; init; }

    public string? TenantId { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>The card to replace, for <see cref="RoutingNotificationKinds.TeamsUpdate"/>.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The card as written when the notification was made; kept as JSON, never rebuilt.</summary>
    public JsonElement? Card { get; init; }

    public string? Summary { get; init; }

    /// <summary>Where to e-mail when Teams cannot be used; empty when the person has no e-mail address.</summary>
    public string? Email { get; init; }

    public string? EmailSubject { get; init; }

    /// <summary>Plain text: the card's fallback text and the question reference.</summary>
    public string? EmailBody { get; init; }

    public BotMessage ToBotMessage() => Card is { } card
        ? BotMessage.ForCard(JsonMarshal.GetRawUtf8Value(card).ToArray(), FallbackTextOf(card) ?? Summary ?? "", Summary ?? "")
        : BotMessage.Plain(Summary ?? "");

    /// <summary>A message's card as stored in the payload; null for a text message.</summary>
    public static JsonElement? CardOf(BotMessage message) =>
        message.CardJson is { } json ? JsonElement.Parse(json.Span) : null;

    private static string? FallbackTextOf(JsonElement card) =>
        card.ValueKind == JsonValueKind.Object && card.TryGetProperty("fallbackText", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    public static RoutingNotification Parse(string json) =>
        JsonSerializer.Deserialize<RoutingNotification>(json) ?? throw new JsonException("Empty routing notification payload.");

    public OutboxMessage ToOutbox(string kind, string dedupeKey, DateTimeOffset now) => new()
    {
        Kind = kind,
        DedupeKey = dedupeKey,
        PayloadJson = JsonSerializer.Serialize(this),
        CreatedAt = now,
        DueAt = now,
    };
}
