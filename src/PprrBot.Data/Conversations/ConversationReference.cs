namespace PprrBot.Data.Conversations;

/// <summary>
/// Where to reach a user proactively: saved from every authenticated activity so it survives a restart.
/// One row per conversation; the user's ids are kept so an officer's 1:1 chat can be found by user.
/// </summary>
public sealed class ConversationReference
{
    public int Id { get; set; }

    public required string ConversationId { get; set; }

    public string? ConversationType { get; set; }

    public required string ServiceUrl { get; set; }

    public required string ChannelId { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The bot's id in the conversation (28:...).</summary>
    public string? BotId { get; set; }

    /// <summary>The user's channel id (29:... in Teams).</summary>
    public string? UserId { get; set; }

    /// <summary>The user's Entra object id, used for identity and roles.</summary>
    public string? UserAadObjectId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
