using System.Text.Json.Nodes;

namespace PprrBot.Protocol;

/// <summary>
/// Turns a <see cref="BotMessage"/> into the activities to send (protocol.md §3.3): a card is an Adaptive Card
/// attachment with a summary for the feed; text and an attachment never share an activity, because Teams splits
/// them and the id of the card is lost.
/// </summary>
internal static class OutboundActivities
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string FileConsentCardType = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoCardType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>The activities for one message, in order; text first, then the card, file offer or file info card.</summary>
    public static IReadOnlyList<Activity> From(BotMessage message, ChannelAccount? bot, ChannelAccount? user, string conversationId)
    {
        var activities = new List<Activity>(2);
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            var text = Message(bot, user, conversationId);
            text.Text = message.Text;
            text.TextFormat = "plain";
            activities.Add(text);
        }

        if (message.CardJson is { } json)
        {
            activities.Add(WithAttachment(bot, user, conversationId, message.Summary ?? message.FallbackText, new Attachment
            {
                ContentType = AdaptiveCardType,
                Content = new RawJson(json),
            }));
        }

        if (message.File is { } file)
        {
            activities.Add(WithAttachment(bot, user, conversationId, message.Summary ?? file.Description, new Attachment
            {
                ContentType = FileConsentCardType,
                Name = file.FileName,
                Content = RawJson.From(new JsonObject
                {
                    ["description"] = file.Description,
                    ["sizeInBytes"] = file.SizeInBytes,
                    ["acceptContext"] = file.Context.DeepClone(),
                    ["declineContext"] = file.Context.DeepClone(),
                }),
            }));
        }

        // Teams' file info card: contentUrl and name on the attachment, the drive item in its content.
        if (message.UploadedFile is { } uploaded)
        {
            activities.Add(WithAttachment(bot, user, conversationId, message.Summary ?? uploaded.Name, new Attachment
            {
                ContentType = FileInfoCardType,
                ContentUrl = uploaded.ContentUrl.OriginalString,
                Name = uploaded.Name,
                Content = RawJson.From(new JsonObject { ["uniqueId"] = uploaded.UniqueId, ["fileType"] = uploaded.FileType }),
            }));
        }

        return activities;
    }

    /// <summary>The single activity that replaces a card in place (PUT); a card update cannot carry text too.</summary>
    public static Activity ForUpdate(BotMessage message, ChannelAccount? bot, string conversationId, string activityId)
    {
        var activities = From(message, bot, null, conversationId);
        if (activities.Count != 1)
        {
            throw new ArgumentException("An update replaces one message: text or a card, not both.", nameof(message));
        }

        var activity = activities[0];
        activity.Id = activityId;
        return activity;
    }

    // One attachment per activity, with the summary the feed shows for it.
    private static Activity WithAttachment(ChannelAccount? bot, ChannelAccount? user, string conversationId, string? summary, Attachment attachment)
    {
        var activity = Message(bot, user, conversationId);
        activity.Summary = summary;
        activity.Attachments = [attachment];
        return activity;
    }

    private static Activity Message(ChannelAccount? bot, ChannelAccount? user, string conversationId) => new()
    {
        Type = "message",
        From = bot,
        Recipient = user,
        Conversation = new ConversationAccount { Id = conversationId },
    };
}
