namespace PprrBot.Summaries;

// Ids, dates and sizes only: never names, question text or the briefing itself.
internal static partial class SummariesLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Meeting pack for {MeetingDate} offered in conversation {ConversationId} ({Bytes} bytes)")]
    public static partial void PackOffered(ILogger logger, DateOnly meetingDate, string conversationId, int bytes);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Meeting pack for {MeetingDate} uploaded from conversation {ConversationId} ({Bytes} bytes)")]
    public static partial void PackUploaded(ILogger logger, DateOnly meetingDate, string conversationId, int bytes);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Meeting pack declined in conversation {ConversationId}")]
    public static partial void PackDeclined(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Meeting pack upload from conversation {ConversationId} refused with status {Status}")]
    public static partial void PackUploadFailed(ILogger logger, string conversationId, int status);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "File consent answer in conversation {ConversationId} was malformed: {Problem}")]
    public static partial void MalformedConsent(ILogger logger, string conversationId, string problem);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Model briefing rejected: {Count} figures not in the data; template used")]
    public static partial void ModelWordingRejected(ILogger logger, int count);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Model briefing failed or timed out; template used")]
    public static partial void ModelWordingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Meeting pack upload from conversation {ConversationId} failed")]
    public static partial void PackUploadError(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Meeting pack upload refused in conversation {ConversationId}: the sender is neither a chair nor Democratic Services")]
    public static partial void PackRefused(ILogger logger, string conversationId);
}
