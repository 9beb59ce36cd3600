namespace PprrBot.Conversation;

internal static partial class ConversationLog
{
    // Ids and the reading only: never the member's words.
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Answered activity {ActivityId} in conversation {ConversationId}: {Intent} [{Codes}]")]
    public static partial void Answered(ILogger logger, string conversationId, string activityId, string intent, IReadOnlyList<string> codes);
}
