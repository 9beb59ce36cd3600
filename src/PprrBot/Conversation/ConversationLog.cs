namespace PprrBot.Conversation;

internal static partial class ConversationLog
{
    // Ids and the reading only: never the member's words.
    // Debug, not Information: one line per answer is the busiest log the bot writes, and under load the console
    // logger's lock cost a fifth of the bot's CPU (docs/performance.md, "Load"). Turn it on with
    // Logging:LogLevel:PprrBot.Conversation=Debug.
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Answered activity {ActivityId} in conversation {ConversationId}: {Reading}")]
    public static partial void Answered(ILogger logger, string conversationId, string activityId, LoggedReading reading);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "The model's reading was not used: {Reason}")]
    public static partial void ModelIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The model could not be asked; the deterministic reading stands")]
    public static partial void ModelFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Handed activity {ActivityId} in conversation {ConversationId} to routing")]
    public static partial void Routed(ILogger logger, string conversationId, string activityId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Answering warmed up on {Code}")]
    public static partial void WarmedUp(ILogger logger, string code);
}

/// <summary>A reading as a log shows it, the intent and the codes ("measure [CFE34, CFE35]"), never the member's words; written only when the line is.</summary>
internal readonly struct LoggedReading(Question question)
{
    public override string ToString() => $"{QuestionCodes.Name(question.Intent)} [{string.Join(", ", QuestionCodes.For(question))}]";
}
