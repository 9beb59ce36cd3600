using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PprrBot.Protocol;

// The Bot Framework Activity, reduced to the fields PprrBot reads or writes (protocol.md §1.2, §3.3).
// Unknown fields are ignored on the way in; nulls are dropped on the way out.

internal sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Summary { get; set; }

    public string? Locale { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public JsonElement? Value { get; set; }

    public JsonElement? ChannelData { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Set by us after authentication (protocol.md §2.2 step 9); never trusted from the wire.</summary>
    public string? CallerId { get; set; }

    /// <summary>The tenant: conversation.tenantId, or Teams' channelData.tenant.id.</summary>
    public string? FindTenantId()
    {
        if (!string.IsNullOrEmpty(Conversation?.TenantId))
        {
            return Conversation.TenantId;
        }

        return ChannelData is { ValueKind: JsonValueKind.Object } data
               && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
               && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}

internal sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

internal sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    public string? Name { get; set; }
}

internal sealed class Attachment
{
    public string? ContentType { get; set; }

    public RawJson? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}

internal sealed class Entity
{
    public string? Type { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    public string? Text { get; set; }
}

/// <summary>The connector's answer to a POST or PUT of an activity.</summary>
internal sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>Body of POST v3/conversations (protocol.md §3.4).</summary>
internal sealed class ConversationParameters
{
    public bool IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public JsonObject? ChannelData { get; set; }
}

internal sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}

/// <summary>Body of an adaptiveCard/action invoke (protocol.md §1.3).</summary>
internal sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    public string? Trigger { get; set; }
}

internal sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    public JsonElement? Data { get; set; }
}

/// <summary>The body of an adaptiveCard/action answer (protocol.md §4.2): outcome in statusCode, HTTP status 200.</summary>
internal sealed class AdaptiveCardInvokeResponse
{
    public int StatusCode { get; set; }

    public string? Type { get; set; }

    public JsonNode? Value { get; set; }
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // Activities are shallow; a deep document is an attack or a bug, not a message (protocol.md §1.1).
    MaxDepth = ProtocolJsonContext.MaxDepth)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext
{
    public const int MaxDepth = 64;
}
