namespace PprrBot.Protocol;

// Ids and reasons only: never message text, names or token contents.
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Inbound token rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Inbound token from an issuer we do not accept: {Issuer}")]
    public static partial void IssuerRejected(ILogger logger, string issuer);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Bot Framework signing keys unavailable; answered 503")]
    public static partial void SigningKeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Activity refused after authentication: {Reason} (conversation {ConversationId}, activity {ActivityId})")]
    public static partial void ActivityRefused(ILogger logger, string reason, string? conversationId, string? activityId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Redelivered activity ignored (conversation {ConversationId}, activity {ActivityId})")]
    public static partial void Redelivered(ILogger logger, string? conversationId, string? activityId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Activity queue full; answered 503 (conversation {ConversationId}, activity {ActivityId})")]
    public static partial void QueueFull(ILogger logger, string? conversationId, string? activityId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug,
        Message = "Activity of type {Type} ignored (conversation {ConversationId}, activity {ActivityId})")]
    public static partial void ActivityIgnored(ILogger logger, string? type, string? conversationId, string? activityId);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error,
        Message = "Turn failed for {Type} (conversation {ConversationId}, activity {ActivityId})")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? type, string? conversationId, string? activityId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Error, Message = "Conversation reference not saved (conversation {ConversationId})")]
    public static partial void ReferenceNotSaved(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "Outbound call refused: service URL not on the allow-list")]
    public static partial void ServiceUrlRefused(ILogger logger);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Connector answered {Status} {Code}")]
    public static partial void ConnectorFailed(ILogger logger, int status, string? code);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Warning, Message = "Connector {Method} got no answer: {Failure}")]
    public static partial void ConnectorUnreachable(ILogger logger, string method, string failure);

    [LoggerMessage(EventId = 1033, Level = LogLevel.Error, Message = "Outbound message of {Bytes} bytes refused: over Teams' size limit")]
    public static partial void MessageTooLarge(ILogger logger, int bytes);

    [LoggerMessage(EventId = 1034, Level = LogLevel.Warning, Message = "Outbound message of {Bytes} bytes: large for older and mobile Teams clients")]
    public static partial void MessageLarge(ILogger logger, int bytes);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning,
        Message = "Local development mode: unauthenticated requests from loopback are accepted; replies go only to loopback")]
    public static partial void LocalDevelopmentMode(ILogger logger);
}
